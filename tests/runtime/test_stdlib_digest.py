"""require "digest": MD5, SHA1 and SHA2 digests of strings and files, incremental updates, inspect."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.runtime.test_interpreter_support import out


def test_class_methods(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    src = r"""
    require 'digest'

    p Digest::MD5.hexdigest("hello"), Digest::SHA256.hexdigest("")[0, 16], Digest::SHA1.hexdigest("abc")
    p Digest::SHA512.hexdigest("a")[0, 16], Digest::SHA384.hexdigest("a")[0, 16], Digest::MD5.base64digest("a")
    p Digest::SHA1.digest("a").bytesize, Digest::SHA256.digest("").bytesize, Digest.hexencode("ab"), Digest::SHA256.hexdigest("é")[0, 16]
    p((Digest::MD5.hexdigest(nil) rescue $!))
    """
    assert out(src) == (
        '"5d41402abc4b2a76b9719d911017c592"\n'
        '"e3b0c44298fc1c14"\n'
        '"a9993e364706816aba3e25717850c26c9cd0d89d"\n'
        '"1f40fc92da241694"\n'
        '"54a59b9f22b0b808"\n'
        '"DMF1ucDxtqgxw5niaXcmYQ=="\n'
        "20\n"
        "32\n"
        '"6162"\n'
        '"4a99557e4033c353"\n'
        "#<TypeError: no implicit conversion of nil into String>\n"
    )


def test_instances(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    src = r"""
    require 'digest'

    d = Digest::MD5.new
    d << "he"
    d.update("llo")
    p d, d.hexdigest, d.to_s, d.digest.bytesize, d.base64digest, d.length, d.block_length
    p Digest::SHA256.new.inspect, Digest::SHA2.new(512).hexdigest[0, 8], Digest::SHA2.new
    p Digest::MD5.new == Digest::MD5.hexdigest(""), Digest::MD5.new.update("a").hexdigest!, d.dup.hexdigest == d.hexdigest
    p d.class, d.is_a?(Digest::Base), Digest::MD5.ancestors.include?(Digest::Instance), Digest::MD5.new.digest("x").bytesize
    """
    assert out(src) == (
        "#<Digest::MD5: 5d41402abc4b2a76b9719d911017c592>\n"
        '"5d41402abc4b2a76b9719d911017c592"\n'
        '"5d41402abc4b2a76b9719d911017c592"\n'
        "16\n"
        '"XUFAKrxLKna5cZ2REBfFkg=="\n'
        "16\n"
        "64\n"
        '"#<Digest::SHA256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855>"\n'
        '"cf83e135"\n'
        "#<Digest::SHA2:256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855>\n"
        "true\n"
        '"0cc175b9c0f1b6a831c399e269772661"\n'
        "true\n"
        "Digest::MD5\n"
        "true\n"
        "true\n"
        "16\n"
    )


def test_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    src = r"""
    require 'digest'

    File.write("blob.bin", "blob\n")
    p Digest::MD5.file("blob.bin").hexdigest, Digest::SHA256.file("blob.bin").hexdigest.length, Digest::MD5.file("blob.bin")
    p Digest::MD5.hexdigest(File.read("blob.bin")) == Digest::MD5.file("blob.bin").to_s
    d = Digest::SHA1.new
    d.file("blob.bin")
    p d.hexdigest, (Digest::MD5.file("nope") rescue $!)
    """
    assert out(src) == (
        '"50df39a7a737d800cdac51d4a57bc0ba"\n'
        "64\n"
        "#<Digest::MD5: 50df39a7a737d800cdac51d4a57bc0ba>\n"
        "true\n"
        '"4b1568079f8fc1adcdbff5bf24b9be9fc9e4576d"\n'
        "#<Errno::ENOENT: No such file or directory @ rb_sysopen - nope>\n"
    )


def test_algorithm_features_load_digest() -> None:
    src = r"""
    p require("digest/md5"), require("digest/sha2"), require("digest"), Digest::SHA256.hexdigest("x")[0, 8]
    """
    assert out(src) == 'true\ntrue\nfalse\n"2d711642"\n'
