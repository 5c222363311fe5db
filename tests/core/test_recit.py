import pytest

from fabrique_desktop import recit
from fabrique_desktop.recit import RecitError


def test_dream_per_vivre_is_written_and_rewritten(store, session, demo) -> None:
    store.apply(recit.set_dream(store, demo.id, "mieux", "Une Métropole de la douceur de vivre"))
    change = recit.set_dream(store, demo.id, "mieux", "Une Métropole douce, « pour tous »")
    store.apply(change)
    assert recit.dreams(store, demo.id)["mieux"].text == "Une Métropole douce, « pour tous »"
    store.apply(change.inverse())
    assert recit.dreams(store, demo.id)["mieux"].text == "Une Métropole de la douceur de vivre"
    assert not recit.set_dream(store, demo.id, "monde", "  ")


def test_quotes_are_attributed_and_gathered_per_series(store, session, demo) -> None:
    store.apply(
        recit.add_quote(
            store,
            session,
            "« La congestion n'est plus qu'un souvenir »",
            persona_id="p1",
            column="mieux",
        )
    )
    store.apply(recit.add_quote(store, session, "Ouverte sur la Méditerranée", column="monde"))
    all_quotes = recit.quotes(store, demo.id)
    assert [q.text for q in all_quotes] == [
        "La congestion n'est plus qu'un souvenir",
        "Ouverte sur la Méditerranée",
    ]
    assert all_quotes[0].persona_id == "p1"
    assert [q.text for q in recit.quotes(store, demo.id, "monde")] == [
        "Ouverte sur la Méditerranée"
    ]
    with pytest.raises(RecitError, match="vide"):
        recit.add_quote(store, session, " « » ")
    store.apply(recit.edit_quote(all_quotes[1], text="Ouverte au monde"))
    store.apply(recit.remove_quote(all_quotes[0]))
    assert [q.text for q in recit.quotes(store, demo.id)] == ["Ouverte au monde"]
