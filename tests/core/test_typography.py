from fabrique_desktop.typography import NBSP, french_spacing


def test_guillemets_and_high_punctuation_keep_their_space_on_the_line() -> None:
    assert french_spacing("Des trains « du quotidien » : vite !") == (
        f"Des trains «{NBSP}du quotidien{NBSP}»{NBSP}: vite{NBSP}!"
    )
    assert french_spacing("Vraiment ? Oui ; non") == f"Vraiment{NBSP}? Oui{NBSP}; non"


def test_text_without_them_is_unchanged() -> None:
    for text in ("Une halle bio à Aubagne", "http://exemple.fr", "Tom & Jerry, 2024-2040", ""):
        assert french_spacing(text) == text
    assert french_spacing("«déjà collé»") == "«déjà collé»"
