"""``python -m pydrake``: the same command as the ``pydrake`` script."""

from pydrake.cli import main

if __name__ == "__main__":
    main()
