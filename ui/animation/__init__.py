"""The facilitation features of the « Animation » menu, one concern per module.

Each feature controller receives a ``FeatureContext`` (``context.py``: the store, the
session, the window's change bus, the board scene, the status bar…) and nothing else of the
window. It writes only through ``context.bus`` and refreshes its views from the bus's
``changed`` signal. ``ui/animation_menu.py`` builds the menu and wires the features.
"""
