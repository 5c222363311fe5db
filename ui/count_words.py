"""Counts said as one says them: « aucun téléphone », « 1 téléphone », « 3 téléphones ».

Each wording stays a whole sentence translated where it is written (``self.tr("1 idée")``,
``QCoreApplication.translate("PhoneVote", …)``), so that the translation files keep one entry
per form and each language words its own 0 and 1; these helpers only pick the form that agrees
with the count. (The reports' counts, outside Qt, are in ``fabrique_desktop.report_words``.)
"""


def by_count(n: int, one: str, many: str, none: str | None = None) -> str:
    """The wording that agrees with ``n``, not filled in: ``none`` for 0 when given (« aucune
    idée », « plus de gommette »), ``one`` for 1, ``many`` for any other count (0 too when
    ``none`` is not given: « 0 gommettes »). For a wording with other blanks than the count:
    ``by_count(pages, one, many).format(name, pages)``."""
    if n == 0 and none is not None:
        return none
    return one if n == 1 else many


def counted(n: int, one: str, many: str, none: str | None = None) -> str:
    """The wording that agrees with ``n`` (see ``by_count``), its ``{}`` filled with ``n``:
    ``counted(3, tr("1 idée"), tr("{} idées"), none=tr("aucune idée"))`` is « 3 idées »."""
    return by_count(n, one, many, none).format(n)
