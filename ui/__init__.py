"""The Qt application: windows, the board scene, dialogs. Imports the core, db and exports."""

from fabrique_desktop import quick_enum

# before any ui module imports PySide6: Qt's enums made without Python 3.11's per-member
# bookkeeping (fabrique_desktop/quick_enum.py; issue 28, start-up)
quick_enum.install()

from ui import pyside_feature  # noqa: E402  (imports PySide6: after quick_enum)

# before the ui modules are imported: PySide's look at each of them reads its file plainly
pyside_feature.install()
