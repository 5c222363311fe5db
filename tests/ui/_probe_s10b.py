from tests.ui.fresh_render import offscreen_screen
offscreen_screen("1280x720")
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from fabrique_desktop import board, votes
from tests.ui.fresh_render import open_atelier_3
from ui.app import show_whole
from ui.full_screen import fill_screen
_app, fab, store, atelier, window = open_atelier_3()
store.apply(votes.add_tables(store, atelier.id, 3))
cards = board.session_cards(store, atelier.id)
for i, voter in enumerate(votes.voters(store, atelier.id)):
    store.apply(votes.add_dot(store, atelier.id, [cards[i].id], voter.id))
show_whole(window); fill_screen(window)
def settle():
    for _ in range(10): QApplication.processEvents()
settle()
a = window.animation
print([n for n in dir(a) if "secret" in n.lower()])
print([n for n in dir(votes) if "secret" in n.lower()])
window.bus.push(votes.set_secret(store, atelier.id, True)); settle()
a.ranking_action.trigger(); settle()
r = a.votes.ranking
r.grab().save("/tmp/s10b-audit/ranking_secret.png")
print("rows", getattr(r, "rows", None)[:3])
QTest.keyClick(r, Qt.Key.Key_Escape); settle()
a.engagements_action.trigger(); settle()
a.engagements.view.grab().save("/tmp/s10b-audit/eng_secret.png")
