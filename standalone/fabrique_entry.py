"""The frozen app's entry point (PyInstaller runs this script): the same `fabrique` command."""

import sys

from fabrique_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
