import pytest

from fabrique_desktop import photos
from fabrique_desktop.photos import PhotoError

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def test_jpeg_and_png_are_copied_to_the_media_folder(store, session, data_dir, tmp_path) -> None:
    (tmp_path / "tableau.jpg").write_bytes(JPEG)
    (tmp_path / "paperboard.PNG").write_bytes(PNG)
    store.apply(photos.add(store, data_dir.media, session.id, tmp_path / "tableau.jpg"))
    store.apply(
        photos.add(store, data_dir.media, session.id, tmp_path / "paperboard.PNG", "Vivre Mieux")
    )
    first, second = photos.photos(store, session.id)
    assert first.caption == "tableau"
    assert second.caption == "Vivre Mieux"
    assert first.file_name.endswith(".jpg")
    assert second.file_name.endswith(".png")
    assert photos.path(data_dir.media, first).read_bytes() == JPEG
    store.apply(photos.move(store, second, -1))
    assert [p.caption for p in photos.photos(store, session.id)] == ["Vivre Mieux", "tableau"]
    change = photos.remove(first)
    store.apply(change)
    assert len(photos.photos(store, session.id)) == 1
    assert photos.path(data_dir.media, first).exists()  # undo can bring it back
    store.apply(change.inverse())
    assert len(photos.photos(store, session.id)) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "vide"), (b"GIF89a....", "JPEG ou PNG"), (b"%PDF-1.4", "JPEG ou PNG")],
)
def test_other_files_are_refused_in_french(
    store, session, data_dir, tmp_path, content, message
) -> None:
    source = tmp_path / "photo.jpg"
    source.write_bytes(content)
    with pytest.raises(PhotoError, match=message):
        photos.add(store, data_dir.media, session.id, source)
    assert not list(data_dir.media.glob("*")) if data_dir.media.exists() else True


def test_missing_file(store, session, data_dir, tmp_path) -> None:
    with pytest.raises(PhotoError, match="introuvable"):
        photos.add(store, data_dir.media, session.id, tmp_path / "absente.png")
