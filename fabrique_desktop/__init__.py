"""Fabrique core: the workshop method, its domain model and use-cases. No Qt, no SQL here."""

__version__ = "0.1.0"

# Feature modules that add kinds of data register them with ``model.register`` on import;
# importing them here makes every kind known to the store, bundles and merges at once.
from fabrique_desktop import agenda, merging, photos, recit, timer, votes  # noqa: F401
