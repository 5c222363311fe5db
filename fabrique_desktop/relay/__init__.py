"""A series shared by many laptops through a standard y-websocket relay.

Each atelier is already a Yjs document (``fabrique_desktop.crdt``); laptops in several towns
meet through a relay that speaks the y-websocket protocol — ``fabrique relay`` (pycrdt-websocket
with a pycrdt-store SQLite store), or Node's ``@y/websocket-server`` / Hocuspocus — rather than
a protocol of our own. The relay keeps Yjs updates only and never sees the app's database.

- ``keys``: the series key (an unguessable secret shared by the project team) and the room
  names derived from it; the relay's own access token is the first segment of its URL.
- ``server``: ``fabrique relay``.
- ``rooms``: one exchange with one room (y-sync step 1/step 2, then our update, confirmed).
- ``series``: a whole series sent and received once, every incoming byte checked by the same
  validator and merge engine as a note-taker's copy.
"""
