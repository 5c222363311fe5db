"""The Qt application: windows, the board scene, dialogs. Imports the core, db and exports."""
