"""Participants' phones: ideas and dots from every seat, over the room's network.

Pure Python, no Qt. The pieces, from the data up:

- ``model``: a phone's anonymous identity, the ideas it sent (and the moderation queue), the
  dot vote the facilitator opened for phones;
- ``checks``: what a phone may send (shapes, sizes) and how often (per phone, per address);
- ``room``: the use-cases, run on the thread that owns the data: each request becomes a
  ``Change`` committed to the session's database before the phone is answered;
- ``server``: the aiohttp web server (page, JSON API, websocket notices) in a background asyncio
  thread; it only checks and forwards requests, never touches the database;
- ``service``: the room as a whole (code, address, server, the queue between the two threads).

The page itself is static (``resources/phones``): plain HTML, CSS and JavaScript.
"""
