"""French typography for text shown on the projector and printed in reports.

In French a space goes inside « guillemets » and before « : », « ; », « ! » and « ? »; that
space must not break a line, or a lone « » » or « : » starts the next line of a card on the
projector (« trains « du quotidien » / » »). People type ordinary spaces: they are shown as
no-break spaces (U+00A0, which Qt and reportlab both keep on one line). The stored text is
left as typed.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
_AFTER_OPENING = re.compile("« +")
_BEFORE_CLOSING = re.compile(" +([»:;!?])")


def french_spacing(text: str) -> str:
    """``text`` with no-break spaces inside « » and before : ; ! ?"""
    if "«" not in text and not any(c in text for c in "»:;!?"):
        return text
    text = _AFTER_OPENING.sub("«" + NBSP, text)
    return _BEFORE_CLOSING.sub(NBSP + r"\1", text)
