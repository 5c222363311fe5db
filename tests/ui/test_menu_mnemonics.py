"""Alt+letter opens one menu: the menu bar's mnemonics are unique, in French and English."""

from __future__ import annotations

import re


def mnemonics(window) -> list[str]:
    window.build_feature_menus()
    titles = [a.text() for a in window.menuBar().actions() if a.menu() is not None]
    letters = []
    for title in titles:
        found = re.search(r"&([^&])", title)
        assert found, f"menu without a mnemonic: {title!r}"
        letters.append(found.group(1).casefold())
    return letters


def test_top_level_menu_mnemonics_are_unique(window) -> None:
    letters = mnemonics(window)
    assert len(letters) >= 6
    assert len(letters) == len(set(letters)), letters


def test_top_level_menu_mnemonics_are_unique_in_english(qtbot, fabrique_app, session) -> None:
    fabrique_app.open_session(session.id)
    fabrique_app.set_language("en")
    try:
        letters = mnemonics(fabrique_app.window)
        assert len(letters) == len(set(letters)), letters
    finally:
        fabrique_app.set_language("fr")
        qtbot.wait(20)
