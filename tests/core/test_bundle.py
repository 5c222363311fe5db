import json

import pytest

from fabrique_desktop import __version__, board, bundle
from fabrique_desktop.errors import BundleError


def test_bundle_round_trip_keeps_ids_and_text(store, demo_session) -> None:
    store.apply(
        board.capture(store, demo_session.id, "Nadïa : « un tramway jusqu'à Aubagne » — œuvre")
    )
    text = bundle.to_json(bundle.collect(store, demo_session))
    parsed = bundle.from_json(text)
    assert parsed.session.id == demo_session.id
    texts = {c.text for c in parsed.entities["cards"]}
    assert "Nadïa : « un tramway jusqu'à Aubagne » — œuvre" in texts
    assert len(parsed.entities["personas"]) == 8


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01garbage", "n'est pas un atelier"),
        (b'{"hello": "world"}', "n'est pas un atelier"),
        (b"[1, 2, 3]", "n'est pas un atelier"),
        # a copy cut off (a USB key pulled out): said empty, not « JSON invalide (ligne 1) »
        (b"", "^Ce fichier est vide : ce n'est pas un atelier Fabrique"),
        (b" \n", "^Ce fichier est vide"),
    ],
)
def test_garbage_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(BundleError, match=message):
        bundle.from_json(data)


def test_newer_version_is_refused(store, demo_session) -> None:
    document = json.loads(bundle.to_json(bundle.collect(store, demo_session)))
    document["format_version"] = bundle.FORMAT_VERSION + 1
    with pytest.raises(BundleError, match="plus récente") as refused:
        bundle.from_json(json.dumps(document), "copie é.json")
    # the copy says it was written by this very version: the format is what is newer
    assert document["app_version"] == __version__
    message = str(refused.value)
    assert message.startswith("« copie é.json » : ")
    assert f"format {bundle.FORMAT_VERSION + 1} ;" in message
    assert f"({__version__})" not in message


def test_a_copy_of_a_grown_schema_says_newer_to_an_older_reader(
    store, demo_session, monkeypatch
) -> None:
    assert bundle.fields_fingerprint() == bundle.FIELDS[bundle.FORMAT_VERSION], (
        "an entity's fields changed: raise FORMAT_VERSION and record the new fingerprint"
    )
    text = bundle.to_json(bundle.collect(store, demo_session))
    monkeypatch.setattr(bundle, "FORMAT_VERSION", 2)  # the Fabrique before card kinds
    with pytest.raises(BundleError, match="copie a été faite par une version plus récente"):
        bundle.from_json(text)


def test_tampered_bundle_is_refused(store, demo_session) -> None:
    document = json.loads(bundle.to_json(bundle.collect(store, demo_session)))
    document["entities"]["cards"][0]["text"] = "falsifié"
    with pytest.raises(BundleError, match="modifié"):
        bundle.from_json(json.dumps(document))


def test_import_is_idempotent(store, demo_session, tmp_path) -> None:
    from db.store import Store

    text = bundle.to_json(bundle.collect(store, demo_session))
    other = Store.open(tmp_path / "other.db")
    first = bundle.import_bundle(other, bundle.from_json(text))
    assert first.created > 90
    again = bundle.import_bundle(other, bundle.from_json(text))
    assert again.created == again.updated == 0
    other.close()
