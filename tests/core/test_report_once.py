"""The series booklet lists an idea held by several ateliers once: the same words typed on a
laptop (NFC) and imported from a spreadsheet saved on a Mac (NFD) are the same idea."""

from __future__ import annotations

import unicodedata

from fabrique_desktop.report import Idea, once


def test_the_same_idea_in_nfc_and_nfd_is_listed_once() -> None:
    text = "Idée de Nguyễn : un tram « de nuit » pour Zoë et Œdipe"
    typed = Idea(id="a", text=text, column="mieux", votes=2, ateliers=(3,))
    pasted = Idea(
        id="b", text=unicodedata.normalize("NFD", text), column="mieux", votes=1, ateliers=(4,)
    )
    assert typed.text != pasted.text
    merged = once([typed, pasted])
    assert len(merged) == 1
    assert merged[0].ateliers == (3, 4)
    assert merged[0].votes == 3
    assert merged[0].text == text
    other = Idea(id="c", text=text, column="monde", ateliers=(4,))
    assert len(once([typed, other])) == 2  # another Vivre: another idea
