"""Images kept in the media folder (the booklet's logo, personas' portraits): named by
their content, PNG or JPEG only, refused before being read when too heavy."""

from __future__ import annotations

import pytest

from fabrique_desktop import media

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def test_the_same_image_is_kept_once_under_a_name_of_its_content(tmp_path) -> None:
    source = tmp_path / "portrait de Bernard.png"
    source.write_bytes(PNG)
    folder = tmp_path / "media"
    first = media.keep_image_file(folder, source, prefix="persona", what="La photo", limit=1000)
    again = media.keep_image(folder, PNG, prefix="persona", what="La photo", limit=1000)
    assert first == again
    assert first.startswith("persona-")
    assert first.endswith(".png")
    assert [p.name for p in folder.iterdir()] == [first]


@pytest.mark.parametrize(
    ("content", "limit", "message"),
    [
        (b"<svg/>", 1000, "« x.png » n'est pas une image PNG ou JPEG."),
        (PNG, 10, "« x.png » dépasse 0 Ko : choisissez une image plus légère."),
        (PNG * 40, 2048, "« x.png » dépasse 2 Ko : choisissez une image plus légère."),
    ],
)
def test_what_is_not_a_light_png_or_jpeg_is_refused_in_french(
    tmp_path, content, limit, message
) -> None:
    source = tmp_path / "x.png"
    source.write_bytes(content)
    with pytest.raises(media.ImageError) as refused:
        media.keep_image_file(tmp_path / "media", source, prefix="p", what="« x.png »", limit=limit)
    assert str(refused.value) == message
    assert not (tmp_path / "media").exists()


def test_a_missing_file_is_a_french_message(tmp_path) -> None:
    with pytest.raises(media.ImageError, match="n'a pas pu être lu"):
        media.keep_image_file(
            tmp_path, tmp_path / "absent.png", prefix="p", what="Le logo", limit=9
        )
