"""Live sharing in the room: note-takers' laptops feed the projector over the local network.

Pure Python, no Qt. The pieces, from the wire up:

- ``protocol``: frames, limits, the handshake and the y-sync envelope, strictly checked;
- ``codes``: the short session code shown on the projector;
- ``secure``: the handshake that proves the code without sending it, and the sealed frames;
- ``peers``: connected laptops, the local-network rule, the throttle on bad attempts;
- ``server`` / ``client``: asyncio sockets in a background thread (``events.LoopThread``);
- ``discovery``: a UDP probe/answer so that note-takers find the facilitator's laptop;
- ``link``: the Yjs sync protocol between a session's CRDT document and the peers, run on the
  thread that owns the data.

Replication itself is Yjs's (pycrdt/Yrs), the same engine as the offline merge
(``fabrique_desktop.crdt``); nothing here decides how edits combine.
"""
