"""Fabrique core: the workshop method, its domain model and use-cases. No Qt, no SQL here."""

__version__ = "0.1.0"
