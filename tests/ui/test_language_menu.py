"""Affichage › Langue shows which language is in use (exclusive, checkable actions)."""

from __future__ import annotations


def _checked(window) -> list[str]:
    return [a.text() for a in (window.french_action, window.english_action) if a.isChecked()]


def test_the_language_menu_marks_the_current_language(qtbot, fabrique_app, session) -> None:
    window = fabrique_app.open_session(session.id)
    assert window.language_group.isExclusive()
    assert window.french_action.isCheckable()
    assert _checked(window) == ["Français"]
    fabrique_app.set_language("en")
    try:
        assert _checked(fabrique_app.window) == ["English"]
    finally:
        fabrique_app.set_language("fr")
        qtbot.wait(20)
    assert _checked(fabrique_app.window) == ["Français"]
