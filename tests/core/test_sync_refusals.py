"""Bundles come from other machines: bad ones are refused in French and change nothing."""

from __future__ import annotations

import base64
import io
import json
import stat
import zipfile

import pytest

from fabrique_desktop import bundle, bundle_zip, sync
from fabrique_desktop.errors import BundleError
from tests.core.sync_helpers import Laptop


@pytest.fixture
def copy():
    facilitator, session = Laptop.facilitator()
    return facilitator, session, facilitator.handout(session.id)


def reseal(document: dict) -> str:
    """A document with a correct checksum again: what a careful forger would send."""
    body = {k: document.get(k) for k in ("series", "session", "entities", "crdt", "handout")}
    document["checksum"] = bundle._checksum(body)
    return json.dumps(document)


def refused(laptop: Laptop, text: str | bytes, message: str) -> None:
    before = laptop.dump()
    with pytest.raises(BundleError, match=message):
        laptop.merge(text)
    assert laptop.dump() == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01garbage", "n'est pas un atelier"),
        (b'{"format": "fabrique-session"}', "version absente"),
        (json.dumps({"format": "fabrique-session", "format_version": 99}), "plus récente"),
    ],
)
def test_garbage_and_newer_bundles_are_refused(copy, data, message) -> None:
    facilitator, _, _ = copy
    refused(facilitator, data, message)


def test_a_tampered_bundle_is_refused(copy) -> None:
    facilitator, _, text = copy
    document = json.loads(text)
    document["crdt"]["update"] = base64.b64encode(b"\x01\x02\x03").decode()
    refused(facilitator, json.dumps(document), "modifié ou abîmé")


def test_a_resealed_garbage_document_is_refused(copy) -> None:
    facilitator, _, text = copy
    document = json.loads(text)
    document["crdt"]["update"] = base64.b64encode(b"\x05\xff\xff\xff\xff\x7f garbage").decode()
    refused(facilitator, reseal(document), "illisible|abîmé|invalide")


def test_a_document_holding_another_session_is_refused(copy) -> None:
    facilitator, session, _ = copy
    other_laptop, other = Laptop.facilitator()
    foreign = json.loads(other_laptop.handout(other.id))
    document = json.loads(facilitator.handout(session.id))
    document["crdt"] = foreign["crdt"]
    refused(facilitator, reseal(document), "autre atelier")


def test_a_document_with_unknown_fields_or_wrong_types_is_refused(copy) -> None:
    from fabrique_desktop.crdt import SessionDoc

    facilitator, session, _ = copy
    for values, message in (
        ({"colour_of_sky": "bleu"}, "mal nommé"),
        ({"position": "haut"}, "« position » doit être un nombre, pas « haut »"),
        ({"text": ["pas", "un", "texte"]}, "« text » doit être un texte"),
    ):
        forged = SessionDoc()
        base = facilitator.handout(session.id)
        forged.apply(base64.b64decode(json.loads(base)["crdt"]["update"]))
        card = facilitator.live_cards(session.id)[0]
        root = forged.doc.get("cards", type=__import__("pycrdt").Map)
        for name, value in values.items():
            root[f"{card.id}:{name}"] = json.dumps([value, {"1": 1}])
        document = json.loads(base)
        document["crdt"]["update"] = base64.b64encode(forged.update()).decode()
        refused(facilitator, reseal(document), message)


@pytest.mark.parametrize(
    ("root", "kind"),
    [("tables", "Array"), ("votes", "Text"), ("cards", "Array")],
)
def test_a_root_holding_a_list_or_a_text_is_refused(copy, root, kind) -> None:
    """Every root of a sound document is a map; items of another root type are invisible to
    a map's reader, and would be kept in this laptop's document (and handed on) unseen."""
    import pycrdt

    facilitator, _, text = copy
    forged = pycrdt.Doc()
    forged.apply_update(base64.b64decode(json.loads(text)["crdt"]["update"]))
    if kind == "Array":
        forged.get(root, type=pycrdt.Array).append("x" * 1000)
    else:
        forged.get(root, type=pycrdt.Text).insert(0, "x" * 1000)
    document = json.loads(text)
    document["crdt"]["update"] = base64.b64encode(forged.get_update()).decode()
    refused(facilitator, reseal(document), "document de fusion inattendu")


def test_an_oversized_document_is_refused(copy, monkeypatch) -> None:
    facilitator, _, text = copy
    monkeypatch.setattr(bundle, "MAX_CRDT_BYTES", 1000)
    refused(facilitator, text, "trop volumineux")


def test_too_many_entities_are_refused(copy, monkeypatch) -> None:
    facilitator, _, text = copy
    monkeypatch.setattr(sync, "MAX_ENTITIES", 3)
    refused(facilitator, text, "trop d'éléments")


def test_a_newer_document_engine_is_refused(copy) -> None:
    facilitator, _, text = copy
    document = json.loads(text)
    document["crdt"]["engine"] = "automerge-2"
    refused(facilitator, reseal(document), "document de fusion inconnu")


def test_format_1_bundles_still_import_and_merge(copy) -> None:
    facilitator, session, text = copy
    document = json.loads(text)
    for key in ("crdt", "handout"):
        document.pop(key)
    document["format_version"] = 1
    body = {k: document[k] for k in ("series", "session", "entities")}
    document["checksum"] = bundle._checksum(body)
    receiver = Laptop()
    summary = receiver.merge(json.dumps(document))
    assert summary.new > 4
    assert receiver.snapshot(session.id)["cards"] == facilitator.snapshot(session.id)["cards"]
    again = receiver.merge(json.dumps(document))
    assert (again.new, again.updated) == (0, 0)


# zips


def make_zip(tmp_path, entries: dict[str, bytes], *, link: str | None = None, name="x.fabrique"):
    target = tmp_path / name
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for entry, data in entries.items():
            archive.writestr(entry, data)
        if link:
            info = zipfile.ZipInfo(link)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "/etc/passwd")
    return target


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("../evil.txt", "n'a rien à y faire"),
        ("/etc/evil", "n'a rien à y faire"),
        ("media/../../evil.jpg", "n'a rien à y faire"),
        ("media/sub/photo.jpg", "n'a rien à y faire"),
        ("media\\..\\evil.jpg", "n'a rien à y faire"),
        ("C:/evil.jpg", "n'a rien à y faire"),
        ("autre.txt", "n'a rien à y faire"),
    ],
)
def test_zip_entries_outside_the_layout_are_refused(copy, tmp_path, entry, message) -> None:
    _, _, text = copy
    target = make_zip(tmp_path, {bundle_zip.BUNDLE_ENTRY: text.encode(), entry: b"x"})
    with pytest.raises(BundleError, match=message):
        sync.read_file(target)


def test_a_zip_with_a_link_is_refused(copy, tmp_path) -> None:
    _, _, text = copy
    target = make_zip(tmp_path, {bundle_zip.BUNDLE_ENTRY: text.encode()}, link="media/a.jpg")
    with pytest.raises(BundleError, match="pas un fichier ordinaire"):
        sync.read_file(target)


def test_a_zip_bomb_is_refused(copy, tmp_path) -> None:
    _, _, text = copy
    bomb = b"\x00" * (20 * 1024 * 1024)
    target = make_zip(tmp_path, {bundle_zip.BUNDLE_ENTRY: text.encode(), "media/b.jpg": bomb})
    with pytest.raises(BundleError, match="bombe zip"):
        sync.read_file(target)


def test_oversized_zip_entries_and_lying_headers_are_refused(copy, tmp_path, monkeypatch) -> None:
    _, _, text = copy
    target = make_zip(
        tmp_path, {bundle_zip.BUNDLE_ENTRY: text.encode(), "media/c.jpg": b"y" * 5000}
    )
    monkeypatch.setattr(bundle_zip, "MAX_MEDIA_BYTES", 4000)
    with pytest.raises(BundleError, match="trop volumineux"):
        sync.read_file(target)
    monkeypatch.undo()
    # a header claiming fewer bytes than the entry holds: the read stops at the claim
    archive = bundle_zip.read(target)
    archive.media[0].file_size = 10
    with pytest.raises(BundleError, match=r"taille annoncée|abîmée"):
        bundle_zip.extract_media(archive, tmp_path / "media")
    assert not list((tmp_path / "media").iterdir())


def test_garbage_and_duplicate_zips_are_refused(copy, tmp_path) -> None:
    _, _, text = copy
    broken = tmp_path / "broken.fabrique"
    broken.write_bytes(bundle_zip.MAGIC + b"not really a zip")
    with pytest.raises(BundleError, match="archive illisible"):
        sync.read_file(broken)
    empty = make_zip(tmp_path, {"media/a.jpg": b"x"}, name="empty.fabrique")
    with pytest.raises(BundleError, match=r"pas d'atelier\.json"):
        sync.read_file(empty)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(bundle_zip.BUNDLE_ENTRY, text)
        with pytest.warns(UserWarning, match="Duplicate name"):
            archive.writestr(bundle_zip.BUNDLE_ENTRY, text)
    twice = tmp_path / "twice.fabrique"
    twice.write_bytes(buffer.getvalue())
    with pytest.raises(BundleError, match="deux fois"):
        sync.read_file(twice)


def test_a_zip_round_trip_brings_the_photos_and_nothing_half_merged(copy, tmp_path) -> None:
    _, session, text = copy
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"jpeg" * 100)
    target = tmp_path / "copie.fabrique"
    with target.open("wb") as f:
        bundle_zip.write(f, text, [("a1.jpg", photo), ("../bad.jpg", photo)])
    receiver = Laptop()
    media = tmp_path / "media"
    summary, parsed = sync.import_file(receiver.store, receiver.journal, target, media)
    assert parsed.session.id == session.id
    assert summary.new == 4
    assert sorted(p.name for p in media.iterdir()) == ["a1.jpg"]
    # a zip whose document is refused at merge time leaves no photo behind
    other_laptop, other = Laptop.facilitator()
    document = json.loads(text)
    document["crdt"] = json.loads(other_laptop.handout(other.id))["crdt"]
    bad = make_zip(
        tmp_path,
        {bundle_zip.BUNDLE_ENTRY: reseal(document).encode(), "media/z9.jpg": b"\xff\xd8\xff"},
        name="b.zip",
    )
    before = receiver.dump()
    with pytest.raises(BundleError, match="autre atelier"):
        sync.import_file(receiver.store, receiver.journal, bad, media)
    assert sorted(p.name for p in media.iterdir()) == ["a1.jpg"]
    assert receiver.dump() == before
