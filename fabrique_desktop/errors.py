"""Errors the user can meet. Each carries a calm French message meant to be shown as is."""


class FabriqueError(Exception):
    """A known problem of the user's files or environment, not a bug.

    ``str(error)`` is a French sentence for the user; details go to the log.
    """


class TemplateError(FabriqueError):
    """A method template that cannot be used (broken, foreign or too new)."""


class BundleError(FabriqueError):
    """A session bundle that cannot be imported (garbage, foreign, too new, tampered)."""


class StorageError(FabriqueError):
    """The database cannot be opened or written (not ours, too new, disk full, read-only)."""


class NotFoundError(FabriqueError):
    """A session, series or card named by the user does not exist."""
