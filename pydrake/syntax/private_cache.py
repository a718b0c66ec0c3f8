"""Files only this user can have written: pydrake's cache folders under ``$XDG_CACHE_HOME/pydrake``.

What pydrake caches (parsed files) is loaded back as data that steers a build, so a cache folder is used only when it and its parent are owned by the user and
writable by nobody else (made with mode 0700 when missing), an entry only when it is a regular
file (never a link) owned by the user and writable by nobody else, and an entry is written under a
private temporary name and renamed into place, so a reader never sees half of one.
``PYDRAKE_NO_CACHE=1`` turns every cache off.
"""

from __future__ import annotations

import os
import stat

try:  # the built-in BLAKE2: hashlib would load OpenSSL, a noticeable part of start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - Pythons built without it
    from hashlib import blake2b

__all__ = ["blake2b", "cache_folder", "private_folder", "read_entry", "remove_entry", "write_entry"]


def cache_folder(kind: str) -> str | None:
    """The private folder for ``kind`` of entries, created if missing (None when there is no safe one)."""
    if os.environ.get("PYDRAKE_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG rule: a relative value is ignored (it would follow the cwd)
        base = os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None
    path = os.path.join(base, "pydrake", kind)
    return path if private_folder(path) else None


def private_folder(path: str) -> bool:
    """Is ``path`` a folder of ours that nobody else can write (made with mode 0700 if missing)?"""
    try:
        parent = os.path.dirname(path)
        os.makedirs(os.path.dirname(parent), exist_ok=True)  # the shared base (~/.cache) as usual
        for p in (parent, path):  # ours made private whatever the umask
            if not os.path.isdir(p):
                try:
                    os.mkdir(p, 0o700)
                except FileExistsError:
                    pass
        for p in (parent, path):
            st = os.stat(p)
            if st.st_uid != os.getuid() or st.st_mode & 0o022:
                return False
        return os.access(path, os.W_OK)
    except OSError:
        return False


def read_entry(folder: str, name: str) -> bytes | None:
    """The bytes of entry ``name``, or None when it is missing or not safely ours."""
    try:
        fd = os.open(os.path.join(folder, name), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o022:
            return None
        with os.fdopen(fd, "rb") as f:
            fd = -1
            return f.read()
    except OSError:
        return None
    finally:
        if fd >= 0:
            os.close(fd)


def write_entry(folder: str, name: str, data: bytes, keep: int = 256) -> bool:
    """Write entry ``name`` atomically with mode 0600, then drop the oldest beyond ``keep`` entries;
    False when it could not be written."""
    tmp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, os.path.join(folder, name))
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False
    _prune(folder, keep)
    return True


def remove_entry(folder: str, name: str) -> None:
    """Remove entry ``name`` if present."""
    try:
        os.unlink(os.path.join(folder, name))
    except OSError:
        pass


def _prune(folder: str, keep: int) -> None:
    """Remove the oldest entries beyond ``keep`` (temporary names are left to their writers)."""
    try:
        entries = [e for e in os.scandir(folder) if e.is_file(follow_symlinks=False) and not e.name.startswith(".")]
        if len(entries) <= keep:
            return
        entries.sort(key=lambda e: e.stat(follow_symlinks=False).st_mtime)
        for e in entries[: len(entries) - keep]:
            os.unlink(e.path)
    except OSError:
        pass
