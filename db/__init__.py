"""Persistence: the SQLite schema, its migrations and the store. Imports the core only."""
