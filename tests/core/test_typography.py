from fabrique_desktop.typography import (
    NBSP,
    NNBSP,
    count,
    editorial,
    french_spacing,
    language,
    typeset,
    upper,
    vivre_name,
    with_article,
)


def test_guillemets_and_high_punctuation_keep_their_space_on_the_line() -> None:
    assert french_spacing("Des trains « du quotidien » : vite !") == (
        f"Des trains «{NBSP}du quotidien{NBSP}»{NBSP}: vite{NBSP}!"
    )
    assert french_spacing("Vraiment ? Oui ; non") == f"Vraiment{NBSP}? Oui{NBSP}; non"


def test_text_without_them_is_unchanged() -> None:
    for text in ("Une halle bio à Aubagne", "http://exemple.fr", "Tom & Jerry, 2024-2040", ""):
        assert french_spacing(text) == text
    assert french_spacing("«déjà collé»") == "«déjà collé»"


def test_french_high_punctuation_and_percent_get_their_no_break_space() -> None:
    assert typeset("La Ciotat: pourquoi pas?") == f"La Ciotat{NBSP}: pourquoi pas{NNBSP}?"
    assert typeset("projet!") == f"projet{NNBSP}!"
    assert typeset("Vraiment ?! Oui ; non") == f"Vraiment{NNBSP}?! Oui{NNBSP}; non"
    assert typeset("31% des gens, 65 % des autres") == f"31{NNBSP}% des gens, 65{NNBSP}% des autres"


def test_french_quotes_and_apostrophes() -> None:
    assert typeset('il a dit "bonjour" puis "au revoir"') == (
        f"il a dit «{NNBSP}bonjour{NNBSP}» puis «{NNBSP}au revoir{NNBSP}»"
    )
    assert typeset("« déjà »") == typeset("«déjà»") == f"«{NNBSP}déjà{NNBSP}»"
    assert typeset("l'Art de vivre, aujourd'hui") == "l’Art de vivre, aujourd’hui"


def test_french_numbers_ordinals_ellipses_and_dashes() -> None:
    assert typeset("1 869 000 habitants") == f"1{NNBSP}869{NNBSP}000 habitants"
    assert typeset("2^e chance, 13e, 2ème, 1er, 1re, 2nd") == "2ᵉ chance, 13ᵉ, 2ᵉ, 1ᵉʳ, 1ʳᵉ, 2ⁿᵈ"
    assert typeset("2ᴱ CHANCE") == "2ᵉ CHANCE"
    assert typeset("le XXIe siècle") == "le XXIᵉ siècle"
    assert typeset("attendez... un mot - une incise") == "attendez… un mot – une incise"
    assert typeset("entre 2009-2014") == "entre 2009–2014"


def test_only_typographic_characters_change_never_a_word() -> None:
    for text in (
        "'=pas une formule",
        "http://exemple.fr/a?b=1 à 14:30",
        "1e5, H2O, la 3D, Ce soir, Marseille 13001",
        "le 2017-05-11",
        "ECOLE 2e CHANCE PLUS FORT 2+ VITE!",
        "Nguyễn Thị Hường, نادية",
    ):
        assert _letters(typeset(text)) == _letters(text), text
    assert typeset("'=pas une formule") == "'=pas une formule"
    assert typeset("http://exemple.fr/a?b=1 à 14:30") == "http://exemple.fr/a?b=1 à 14:30"
    assert typeset("") == ""


def _letters(text: str) -> list[str]:
    """The words' letters and digits (ordinals' raised letters read as letters)."""
    plain = text.translate(str.maketrans("ᵉʳⁿᵈ", "ernd"))
    words = ("".join(c for c in w if c.isalnum()) for w in plain.replace("^", "").split())
    return [w for w in words if w]


def test_english_rules() -> None:
    assert typeset("Why not ? Yes : 31 % !", "en") == "Why not? Yes: 31%!"
    assert typeset('she said "hello" and « bye »', "en") == "she said “hello” and “bye”"
    assert typeset("it's 1 869 000... - really", "en") == f"it’s 1{NNBSP}869{NNBSP}000… – really"
    with language("en"):
        assert typeset("Why ?") == "Why?"
        assert count(0, "idea") == f"0{NBSP}ideas"
    assert typeset("Why ?") == f"Why{NNBSP}?"


def test_counts_agree_with_their_noun() -> None:
    assert count(1, "autre") == f"1{NBSP}autre"
    assert count(2, "autre") == f"2{NBSP}autres"
    assert count(0, "idée") == f"0{NBSP}idée"
    assert count(3, "piste de projet", "pistes de projet") == f"3{NBSP}pistes de projet"


def test_the_metropole_and_the_vivre_in_editorial_texts() -> None:
    assert editorial("une Métropole, la métropole de demain, les autres Métropoles") == (
        "une métropole, la Métropole de demain, les autres métropoles"
    )
    assert vivre_name("Art de Vivre") == "Art de vivre"
    assert vivre_name("Vivre Mieux") == "Vivre mieux"
    assert with_article("Art de Vivre") == "l’Art de vivre"
    assert upper("2ᵉ chance") == "2ᵉ CHANCE"
