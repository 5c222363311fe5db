"""Icons: Font Awesome 5 solid alone is loaded (issue 28: qtawesome.icon loaded and
checksummed its twelve fonts, ~6 MB, after the first frame; the standalone app ships one)."""

from __future__ import annotations

from ui import icons


def test_icons_come_from_the_one_font_shipped(qapp) -> None:
    undo = icons.icon("fa5s.undo")
    assert not undo.isNull()
    assert not undo.pixmap(32, 32).isNull()
    assert set(icons._font().fontname) == {"fa5s"}


def test_an_icon_of_another_font_shows_the_default_one(qapp) -> None:
    """A persona named with another font's icon (a copy from elsewhere) keeps a face."""
    other = icons.icon("mdi.tractor").pixmap(32, 32).toImage()
    user = icons.icon("fa5s.user").pixmap(32, 32).toImage()
    assert other == user
