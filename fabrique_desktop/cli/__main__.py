import sys

from fabrique_desktop.cli import main

sys.exit(main())
