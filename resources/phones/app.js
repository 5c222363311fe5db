/* Fabrique — the page a participant's phone opens. Plain ES5, no library, nothing from the
   internet. Every text from the server is put in the page as text (textContent /
   createTextNode), never as HTML.
   The floor (tests/phones/test_old_browser.py): Android 4.4's browser, iOS Safari 9, Chrome 49,
   Firefox 45 — ES5 syntax, XMLHttpRequest, JSON, querySelectorAll; localStorage and WebSocket
   used when there (without a websocket the page asks every few seconds).
   Nothing typed is lost: the idea being written is kept in the phone (reloads, a new room code,
   the room closed); an idea sent goes first to an outbox kept in the phone and leaves it only
   once the laptop has stored it (sent again with the same id until then: never twice). */
(function () {
  "use strict";

  var T = {
    fr: {
      "lang": "English", "lang.code": "en",
      "code.label": "Code de la salle (affiché au tableau)", "code.go": "Entrer",
      "profile.title": "Votre place", "profile.table": "Votre table",
      "profile.persona": "Le personnage pour qui vous parlez",
      "profile.name": "Votre prénom (facultatif)", "profile.save": "C'est parti",
      "main.change": "Changer de table ou de personnage",
      "idea.label": "Votre idée", "idea.horizon": "Horizon", "idea.column": "Colonne (facultatif)",
      "idea.send": "Envoyer l'idée", "idea.none": "Sans horizon", "idea.sent": "Idée envoyée : elle est au tableau.",
      "idea.queued": "Idée envoyée : l'animateur la met au tableau.",
      "mine.title": "Mes idées", "mine.empty": "Vos idées envoyées s'afficheront ici.",
      "mine.jump": "Corriger ou retirer mon idée", "mine.back": "Revenir au vote",
      "status.published": "Au tableau", "status.pending": "En attente de l'animateur",
      "status.set_aside": "Mise de côté par l'animateur", "status.removed": "Retirée par l'animateur",
      "status.unsent": "Pas encore arrivée : elle part dès que la connexion revient",
      "status.elsewhere": "Écrite pour un autre atelier : elle reviendra dans le cadre",
      "idea.elsewhere": "Une idée écrite pour un autre atelier n'était pas partie : elle est revenue dans le cadre. Envoyez-la ici si vous le voulez.",
      "fix": "Corriger", "withdraw": "Retirer", "save": "Enregistrer", "cancel": "Annuler",
      "left": "{n} s pour corriger ou retirer", "chars.0": "Aucun caractère restant",
      "chars.1": "1 caractère restant", "chars.n": "{n} caractères restants",
      "no.table": "Pas de table", "no.persona": "Je parle en mon nom",
      "who": "Table : {table} · {persona}", "phone": "Téléphone {n}",
      "vote.title": "Vote à gommettes", "vote.left.0": "Il ne vous reste aucune gommette sur {b}.",
      "vote.left.1": "Il vous reste 1 gommette sur {b}.", "vote.left.n": "Il vous reste {n} gommettes sur {b}.",
      "vote.closed": "Le vote est clos. Merci !", "vote.secret": "Vote secret : les résultats seront dévoilés au tableau.",
      "vote.yours": "Vos gommettes :", "vote.none": "Vous n'avez pas mis de gommette.",
      "vote.dots.0": "Aucune gommette", "vote.dots.1": "1 gommette", "vote.dots.n": "{n} gommettes",
      "dot.add": "Ajouter une gommette", "dot.remove": "Retirer une gommette",
      "closed.hint": "Cette page se reconnectera d'elle-même quand la salle rouvrira. Votre idée en cours est gardée.",
      "e.code": "Ce code n'est pas le bon : vérifiez le code affiché au tableau.",
      "e.code-changed": "La salle a un nouveau code : tapez celui qui est affiché au tableau.",
      "e.banned": "Trop d'essais : attendez une minute avant de réessayer.",
      "e.slow-down": "Doucement : attendez quelques secondes avant d'envoyer encore.",
      "e.empty": "Écrivez d'abord votre idée.", "e.too-long": "L'idée est trop longue (280 caractères au plus).",
      "e.too-big": "Le texte est trop long.",
      "e.name-too-long": "Le prénom est trop long (40 caractères au plus).",
      "e.too-late": "Plus d'une minute a passé : l'idée ne peut plus être changée d'ici.",
      "e.blocked": "L'animateur a retiré ce téléphone de l'atelier.",
      "e.closed": "L'animateur a fermé la salle aux téléphones pour l'instant.",
      "e.no-dots-left": "Vous avez utilisé toutes vos gommettes.",
      "e.no-dot-here": "Vous n'avez pas de gommette sur cette idée.",
      "e.vote-closed": "Le vote est clos.", "e.no-vote": "Aucun vote n'est ouvert.",
      "e.full": "La salle est pleine : demandez à l'animateur.",
      "e.too-many-phones": "Trop de téléphones sont déjà entrés depuis cet appareil ou ce réseau : demandez à l'animateur.",
      "e.room-busy": "Beaucoup d'idées arrivent en même temps : la vôtre est gardée et repart dans quelques secondes.",
      "e.busy": "L'ordinateur de l'animateur est occupé : votre demande repartira dans un instant.",
      "e.storage": "L'ordinateur de l'animateur n'a pas pu enregistrer : votre idée est gardée et repartira.",
      "e.unknown-column": "Cette colonne n'est plus au tableau : votre idée est revenue dans le cadre, choisissez une autre colonne.",
      "e.unknown-horizon": "Cet horizon n'existe plus : votre idée est revenue dans le cadre, choisissez-en un autre.",
      "e.unknown-table": "Cette table n'existe plus : choisissez-en une autre.",
      "e.unknown-persona": "Ce personnage n'existe plus : choisissez-en un autre.",
      "e.unknown-idea": "Cette idée n'est plus là.",
      "e.unknown-card": "Cette idée n'est plus dans le vote.",
      "e.identity": "Ce téléphone rejoint la salle à nouveau : réessayez dans un instant.",
      "e.offline": "Pas de connexion avec l'ordinateur de l'animateur : vérifiez le Wi-Fi de la salle. Vos idées sont gardées.",
      "e.other": "La demande n'a pas pu aboutir : rechargez la page ou réessayez dans un instant."
    },
    en: {
      "lang": "Français", "lang.code": "fr",
      "code.label": "Room code (shown on the wall)", "code.go": "Enter",
      "profile.title": "Your seat", "profile.table": "Your table",
      "profile.persona": "The persona you speak for",
      "profile.name": "Your first name (optional)", "profile.save": "Let's go",
      "main.change": "Change table or persona",
      "idea.label": "Your idea", "idea.horizon": "Horizon", "idea.column": "Column (optional)",
      "idea.send": "Send the idea", "idea.none": "No horizon", "idea.sent": "Idea sent: it is on the wall.",
      "idea.queued": "Idea sent: the facilitator will put it on the wall.",
      "mine.title": "My ideas", "mine.empty": "The ideas you send will be listed here.",
      "mine.jump": "Correct or withdraw my idea", "mine.back": "Back to the vote",
      "status.published": "On the wall", "status.pending": "Waiting for the facilitator",
      "status.set_aside": "Set aside by the facilitator", "status.removed": "Removed by the facilitator",
      "status.unsent": "Not arrived yet: it leaves as soon as the connection is back",
      "status.elsewhere": "Written for another workshop: it will come back in the box",
      "idea.elsewhere": "An idea written for another workshop had not left: it is back in the box. Send it here if you wish.",
      "fix": "Correct", "withdraw": "Withdraw", "save": "Save", "cancel": "Cancel",
      "left": "{n} s left to correct or withdraw", "chars.0": "No characters left",
      "chars.1": "1 character left", "chars.n": "{n} characters left",
      "no.table": "No table", "no.persona": "I speak for myself",
      "who": "Table: {table} · {persona}", "phone": "Phone {n}",
      "vote.title": "Dot vote", "vote.left.0": "You have no dots left out of {b}.",
      "vote.left.1": "You have 1 dot left out of {b}.", "vote.left.n": "You have {n} dots left out of {b}.",
      "vote.closed": "The vote is closed. Thank you!", "vote.secret": "Secret vote: results will be revealed on the wall.",
      "vote.yours": "Your dots:", "vote.none": "You did not put any dots.",
      "vote.dots.0": "No dots", "vote.dots.1": "1 dot", "vote.dots.n": "{n} dots",
      "dot.add": "Add a dot", "dot.remove": "Take a dot back",
      "closed.hint": "This page will reconnect by itself when the room reopens. The idea you are writing is kept.",
      "e.code": "This code is not the right one: check the code on the wall.",
      "e.code-changed": "The room has a new code: type the one shown on the wall.",
      "e.banned": "Too many tries: wait a minute before trying again.",
      "e.slow-down": "Slow down: wait a few seconds before sending again.",
      "e.empty": "Write your idea first.", "e.too-long": "The idea is too long (280 characters at most).",
      "e.too-big": "The text is too long.",
      "e.name-too-long": "The name is too long (40 characters at most).",
      "e.too-late": "More than a minute has passed: the idea can no longer be changed from here.",
      "e.blocked": "The facilitator removed this phone from the workshop.",
      "e.closed": "The facilitator closed the room to phones for now.",
      "e.no-dots-left": "You have used all your dots.",
      "e.no-dot-here": "You have no dot on this idea.",
      "e.vote-closed": "The vote is closed.", "e.no-vote": "No vote is open.",
      "e.full": "The room is full: ask the facilitator.",
      "e.too-many-phones": "Too many phones have already joined from this device or network: ask the facilitator.",
      "e.room-busy": "Many ideas are arriving at once: yours is kept and will be sent again in a few seconds.",
      "e.busy": "The facilitator's computer is busy: your request will be sent again in a moment.",
      "e.storage": "The facilitator's computer could not save: your idea is kept and will be sent again.",
      "e.unknown-column": "This column is no longer on the wall: your idea is back in the box, choose another column.",
      "e.unknown-horizon": "This horizon no longer exists: your idea is back in the box, choose another one.",
      "e.unknown-table": "This table no longer exists: choose another one.",
      "e.unknown-persona": "This persona no longer exists: choose another one.",
      "e.unknown-idea": "This idea is no longer there.",
      "e.unknown-card": "This idea is no longer in the vote.",
      "e.identity": "This phone is joining the room again: try again in a moment.",
      "e.offline": "No connection to the facilitator's computer: check the room's Wi-Fi. Your ideas are kept.",
      "e.other": "The request could not go through: reload the page or try again in a moment."
    }
  };
  // refused for good: the idea goes back into the box for the participant to change
  var FINAL = { "empty": 1, "too-long": 1, "too-big": 1, "malformed": 1, "unknown-column": 1, "unknown-horizon": 1 };

  function load(key, fallback) {
    try { var value = JSON.parse(localStorage.getItem(key) || "null"); return value === null ? fallback : value; } catch (e) { return fallback; }
  }
  function save(key, value) {
    try { if (value === null) { localStorage.removeItem(key); } else { localStorage.setItem(key, JSON.stringify(value)); } } catch (e) {}
  }

  // the phone's language first (French for French phones, English otherwise); a choice made
  // with the button is kept
  var lang = load("fabrique-lang-choice", null);
  if (!T[lang]) {
    var spoken = String(navigator.language || navigator.userLanguage || "fr").toLowerCase();
    lang = spoken.indexOf("fr") === 0 ? "fr" : "en";
  }

  var match = /^\/r\/([A-Za-z0-9-]{1,16})\/?$/.exec(location.pathname);
  var code = match ? match[1].toUpperCase() : "";
  var base = "/r/" + code;
  // one identity, one draft, one outbox per laptop, whatever the room code
  var KEYS = { me: "fabrique-phone-" + location.host, draft: "fabrique-draft-" + location.host, outbox: "fabrique-outbox-" + location.host };
  var me = null;          // {phone, token}
  var state = null;       // the last state from the server
  var chosenPersona = null;
  var chosenHorizon = "";
  var pollCards = null;   // {poll, cards}
  var socket = null;
  var pollTimer = null;
  var reconnectTimer = null;
  var retryTimer = null;
  var ended = false;      // blocked by the facilitator (asked again now and then: lifted?)
  var blockedTimer = null;
  var roomClosed = false; // closed by the facilitator (or stopped): the page waits for it
  var codeGone = false;   // the room took a new code while this page was open
  var offline = false;
  var outbox = load(KEYS.outbox, []);
  var sending = false;
  var draftRestored = false;
  var draftSeen = "null";  // the draft as this tab last wrote or read it
  if (!(outbox instanceof Array)) { outbox = []; }
  var stored = (function () {  // a phone that keeps nothing (an old private tab): memory only
    try { localStorage.setItem("fabrique-try", "1"); localStorage.removeItem("fabrique-try"); return true; } catch (e) { return false; }
  }());

  function $(id) { return document.getElementById(id); }
  function t(key, values) {
    var text = T[lang][key] || T.fr[key] || key;
    if (values) {
      for (var name in values) {
        if (values.hasOwnProperty(name)) { text = text.split("{" + name + "}").join(String(values[name])); }
      }
    }
    return text;
  }
  // counted as one says it: « aucune gommette », « 1 gommette », « 3 gommettes »
  function counted(key, n, values) {
    var all = { n: n };
    if (values) { for (var name in values) { if (values.hasOwnProperty(name)) { all[name] = values[name]; } } }
    return t(key + (n === 0 ? ".0" : n === 1 ? ".1" : ".n"), all);
  }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.appendChild(document.createTextNode(String(text))); }
    if (cls) { node.className = cls; }
    return node;
  }
  function button(text, onclick) {
    var node = el("button", text);
    node.type = "button";
    node.onclick = onclick;
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function show(id) {
    var screens = ["code-screen", "profile-screen", "main-screen", "closed-screen"];
    for (var i = 0; i < screens.length; i++) { $(screens[i]).hidden = screens[i] !== id; }
  }
  var bannerTimer = null;
  function banner(text, ok) {
    var node = $("banner");
    node.textContent = text || "";
    node.className = ok ? "banner ok" : "banner";
    node.hidden = !text;
    if (bannerTimer) { clearTimeout(bannerTimer); bannerTimer = null; }
    // « Idée envoyée » said, then gone: it stayed for the rest of the workshop, still saying
    // « l'animateur la met au tableau » long after it was there (the idea's own line says so)
    if (ok && text) { bannerTimer = setTimeout(function () { bannerTimer = null; banner(""); }, 8000); }
  }
  function errorText(reason) { return T[lang]["e." + reason] ? t("e." + reason) : t("e.other"); }

  function translate() {
    document.documentElement.lang = lang;
    var nodes = document.querySelectorAll("[data-t]");
    for (var i = 0; i < nodes.length; i++) { nodes[i].textContent = t(nodes[i].getAttribute("data-t")); }
    $("lang").textContent = t("lang");
    $("lang").setAttribute("lang", t("lang.code"));
    if (roomClosed || ended) { $("closed-text").textContent = errorText(ended ? "blocked" : "closed"); $("closed-hint").textContent = ended ? "" : t("closed.hint"); }
    if (state) { render(); if (!$("profile-screen").hidden) { renderPersonas(); } }
  }

  // the server

  // every write carries an id, the same when it is sent again: the server answers a repeat
  // with its first answer and never stores it twice
  function newId() {
    var id = "";
    for (var i = 0; i < 20; i++) { id += "abcdefghijklmnopqrstuvwxyz0123456789".charAt(Math.floor(Math.random() * 36)); }
    return id;
  }

  // done(reason or null, body, handled): ``handled`` when the page already showed what
  // happened (the room closed, this phone blocked, a new code, the Wi-Fi gone)
  function api(action, data, done, requestId) {
    var xhr = new XMLHttpRequest();
    var finished = false;
    xhr.open("POST", base + "/api/" + action, true);
    xhr.setRequestHeader("Content-Type", "application/json");
    if (me) { xhr.setRequestHeader("X-Phone", me.phone); xhr.setRequestHeader("X-Token", me.token); }
    if (requestId) { xhr.setRequestHeader("X-Request", requestId); }
    xhr.timeout = 20000;
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4 || finished) { return; }
      finished = true;
      var body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      if (xhr.status >= 200 && xhr.status < 300) { online(); done(null, body, false); return; }
      var reason = xhr.status === 0 ? "offline" : (body && body.error) || "other";
      var handled = true;
      if (reason === "offline") { wentOffline(); } else { online(); }
      if (reason === "blocked") { end(); }
      else if (reason === "closed") { closedForNow(); }
      else if (reason === "identity" && action !== "join") { forget(); join(); }
      else if (reason === "code" && (state || codeGone)) { codeChanged(); }
      else { handled = reason === "offline" && (roomClosed || !!state); }
      done(reason, body, handled);
    };
    xhr.send(JSON.stringify(data || {}));
  }

  function wentOffline() {
    if (offline) { return; }
    offline = true;
    if (!roomClosed && !ended) { banner(errorText("offline")); }
  }

  function online() {
    if (!offline) { return; }
    offline = false;
    if ($("banner").textContent === errorText("offline")) { banner(""); }
    later(flush);
  }

  function remember() { save(KEYS.me, me); }
  function forget() { me = null; save(KEYS.me, null); }

  function join() {
    var saved = load(KEYS.me, null);
    if (saved && typeof saved.phone === "string" && typeof saved.token === "string") { me = saved; }
    api("join", {}, function (error, body, handled) {
      if (error) {
        if (error === "code" || error === "banned") {
          me = saved;
          stopWaiting();
          banner(errorText(error));
          show("code-screen");
          $("code-input").value = code;
          return;
        }
        if (!handled) { banner(errorText(error)); }
        if (ended) { askAgainLater(); } else { waitForRoom(error === "offline" || error === "closed" ? 5000 : 20000); }
        return;
      }
      ended = false;  // a block lifted (« Débloquer », or undone): back in the room
      me = { phone: body.phone, token: body.token };
      remember();
      stopWaiting();
      roomClosed = false;
      refresh(true);
      listen();
    }, newId());
  }

  function waitForRoom(every) {  // the room closed or out of reach: try again by itself
    if (reconnectTimer || ended) { return; }
    reconnectTimer = setTimeout(function () { reconnectTimer = null; join(); }, every + Math.floor(Math.random() * 2000));
  }

  function stopWaiting() {
    if (reconnectTimer) { clearTimeout(reconnectTimer); reconnectTimer = null; }
  }

  function refresh(first) {
    api("state", {}, function (error, body, handled) {
      if (error) { if (!handled) { banner(errorText(error)); } return; }
      state = body;
      if (first || !$("closed-screen").hidden) {
        show(body.me.table || body.me.persona || !body.tables.length && !body.personas.length ? "main-screen" : "profile-screen");
        if (!$("profile-screen").hidden) { fillProfile(); }
      }
      render();
      restoreDraft();
      loadCards();
      flush();
    });
  }

  function listen() {
    if (!window.WebSocket) { startPolling(8000); return; }
    if (socket) { return; }
    var url = "ws://" + location.host + base + "/ws?phone=" + encodeURIComponent(me.phone) + "&token=" + encodeURIComponent(me.token);
    try { socket = new WebSocket(url); } catch (e) { socket = null; startPolling(8000); return; }
    socket.onopen = function () { stopPolling(); };
    socket.onmessage = function (event) {
      var notice = null;
      try { notice = JSON.parse(event.data); } catch (e) { return; }
      if (!notice || typeof notice.type !== "string") { return; }
      if (notice.type === "blocked") { end(); return; }
      if (notice.type === "closed") { closedForNow(); return; }
      if (notice.type === "code") { codeChanged(); return; }
      if (!applyNotice(notice)) { later(function () { refresh(false); }); }
    };
    socket.onclose = function () { socket = null; if (!roomClosed && !ended && !codeGone) { startPolling(5000); } };
  }

  // a notice carries what changed: applied here, without asking the server again
  function applyNotice(notice) {
    if (!state) { return false; }
    if (notice.type === "idea" && notice.idea) { keepIdea(notice.idea); renderMine(); return true; }
    if (notice.type === "settings" && typeof notice.moderated === "boolean") { state.moderated = notice.moderated; return true; }
    if (notice.type === "vote" && notice.hasOwnProperty("vote")) {
      var vote = notice.vote;
      if (vote && state.vote && state.vote.poll === vote.poll) {
        state.vote.open = vote.open; state.vote.budget = vote.budget;
        state.vote.secret = vote.secret; state.vote.cards = vote.cards;
      } else if (vote) {
        state.vote = { poll: vote.poll, open: vote.open, budget: vote.budget, used: 0, mine: {}, secret: vote.secret, cards: vote.cards };
        pollCards = null;
      } else { state.vote = null; }
      renderVote();
      later(loadCards);  // a new vote: every phone asks its cards, not all in the same second
      return true;
    }
    return false;
  }

  function later(action) { setTimeout(action, Math.floor(Math.random() * 2000)); }

  function keepIdea(idea) {  // an idea's new view: replaced in place, or listed first
    if (!state) { return; }
    for (var i = 0; i < state.ideas.length; i++) {
      if (state.ideas[i].id === idea.id) {
        if (idea.status === "withdrawn") { state.ideas.splice(i, 1); } else { state.ideas[i] = idea; }
        return;
      }
    }
    if (idea.status !== "withdrawn") { state.ideas.unshift(idea); }
  }

  function startPolling(every) {
    if (pollTimer) { return; }
    pollTimer = setInterval(function () {
      if (roomClosed || ended) { stopPolling(); return; }
      refresh(false);
      if (!socket && window.WebSocket && me) { listen(); }
    }, every);
  }

  function stopPolling() {
    if (pollTimer) { clearInterval(pollTimer); pollTimer = null; }
  }

  function dropSocket() {
    stopPolling();
    if (socket) { var old = socket; socket = null; old.onclose = null; try { old.close(); } catch (e) {} }
  }

  function codeChanged() {  // the facilitator gave the room a new code: ask for it
    dropSocket();
    stopWaiting();
    saveDraft();
    state = null;
    codeGone = true;
    show("code-screen");
    $("code-input").value = "";
    banner(t("e.code-changed"));
  }

  function closedForNow() {  // the facilitator closed the room: wait for it to reopen
    if (ended) { return; }
    saveDraft();
    dropSocket();
    roomClosed = true;
    $("closed-text").textContent = errorText("closed");
    $("closed-hint").textContent = t("closed.hint");
    banner("");
    show("closed-screen");
    waitForRoom(5000);
  }

  function end() {  // blocked by the facilitator
    ended = true;
    dropSocket();
    stopWaiting();
    $("closed-text").textContent = errorText("blocked");
    $("closed-hint").textContent = "";
    banner("");
    show("closed-screen");
    askAgainLater();
  }

  // a phone blocked by mistake (the wrong line of the list) is let back in by the facilitator:
  // the page asks every half-minute or so, and comes back by itself
  function askAgainLater() {
    if (blockedTimer) { return; }
    blockedTimer = setTimeout(function () { blockedTimer = null; if (ended) { join(); } }, 30000 + Math.floor(Math.random() * 5000));
  }

  // the idea being written, kept in the phone

  // another tab of this page (the code scanned twice) keeps the same draft: a tab writes it
  // only when its own box changed since it last wrote or read it, so an idle tab never writes
  // its older (or empty) box over the words typed in the other one
  function draftNow() {
    var text = $("idea").value;
    return text ? { text: text, column: $("column").value || "", horizon: chosenHorizon } : null;
  }

  function keptDraft() {
    var draft = load(KEYS.draft, null);
    return draft && typeof draft.text === "string" ? draft : null;
  }

  function saveDraft() {
    if (!draftRestored) { return; }  // not before the kept one is back in the box
    var now = JSON.stringify(draftNow());
    if (now === draftSeen) { return; }
    draftSeen = now;
    save(KEYS.draft, draftNow());
  }

  function putDraft(draft) {
    $("idea").value = draft ? draft.text : "";
    chosenHorizon = draft && typeof draft.horizon === "string" ? draft.horizon : "";
    renderHorizons();
    if (draft && draft.column) {
      $("column").value = draft.column;
      if ($("column").selectedIndex < 0) { $("column").selectedIndex = 0; }
    }
    counter();
  }

  function restoreDraft() {
    if (draftRestored) { return; }
    draftRestored = true;
    var draft = keptDraft();
    draftSeen = JSON.stringify(draft);
    if (!draft || $("idea").value) { return; }
    putDraft(draft);
  }

  function draftChangedElsewhere() {  // followed while this tab's box is as it last saw it
    if (!draftRestored || JSON.stringify(draftNow()) !== draftSeen) { return; }
    var draft = keptDraft();
    draftSeen = JSON.stringify(draft);
    putDraft(draft);
  }

  // ideas sent: kept in the outbox until the laptop has stored them

  function send() {
    var text = $("idea").value;
    if (!text.replace(/\s/g, "")) { banner(errorText("empty")); return; }
    // the phone's identity of this atelier with it: never sent to another atelier's room
    reread();
    outbox.push({ id: newId(), text: text, column: $("column").value || null, horizon: chosenHorizon || null, phone: me ? me.phone : null });
    save(KEYS.outbox, outbox);
    $("idea").value = "";
    chosenHorizon = "";
    saveDraft();
    renderHorizons();
    counter();
    renderMine();
    flush();
  }

  function ours(item) { return !item.phone || item.phone === me.phone; }

  // the outbox as the phone keeps it: another tab of the same page (the code scanned twice)
  // may have added or sent ideas since; writing this tab's old list over it lost them
  function reread() {
    if (!stored) { return; }
    var kept = load(KEYS.outbox, []);
    outbox = kept instanceof Array ? kept : [];
  }

  function flush() {
    reread();
    if (sending || !me || !state || roomClosed || ended || codeGone || !outbox.length) { return; }
    var item = null;
    for (var i = 0; i < outbox.length && !item; i++) {
      if (ours(outbox[i])) { item = outbox[i]; }
      else if (!$("idea").value) {  // written in another atelier's room (its code scanned since)
        backInBox(outbox[i]);
        drop(outbox[i]);
        banner(t("idea.elsewhere"));
        renderMine();
        return;
      }
    }
    if (!item) { return; }
    sending = true;
    api("idea", { text: item.text, column: item.column, horizon: item.horizon }, function (error, body, handled) {
      sending = false;
      if (!error) {
        drop(item);
        keepIdea(body.idea);
        banner(body.idea.status === "pending" ? t("idea.queued") : t("idea.sent"), true);
        renderMine();
        flush();
        return;
      }
      if (FINAL[error]) {  // refused for good: back in the box, nothing lost
        drop(item);
        if (!$("idea").value) { backInBox(item); }
        banner(errorText(error));
        renderMine();
        return;
      }
      if (!handled) { banner(errorText(error)); }
      retryLater();
    }, item.id);
  }

  function backInBox(item) {
    $("idea").value = item.text;
    chosenHorizon = item.horizon || "";
    if (item.column) {
      $("column").value = item.column;
      if ($("column").selectedIndex < 0) { $("column").selectedIndex = 0; }  // not on this board
    }
    renderHorizons();
    counter();
    saveDraft();
  }

  function drop(item) {
    reread();
    for (var i = 0; i < outbox.length; i++) { if (outbox[i].id === item.id) { outbox.splice(i, 1); break; } }
    save(KEYS.outbox, outbox);
  }

  function retryLater() {
    if (retryTimer) { return; }
    retryTimer = setTimeout(function () { retryTimer = null; flush(); }, 3000 + Math.floor(Math.random() * 4000));
  }

  // rendering (text only)

  function render() {
    if (!state) { return; }
    $("title").textContent = state.title || "Fabrique";
    var table = find(state.tables, state.me.table);
    var persona = find(state.personas, state.me.persona);
    $("who").textContent = (state.me.name ? state.me.name + " — " : "") + t("who", {
      table: table ? table.label : t("no.table"),
      persona: persona ? persona.name : t("no.persona")
    });
    renderColumns();
    renderHorizons();
    renderMine();
    renderVote();
    counter();
  }

  function find(list, id) {
    for (var i = 0; i < list.length; i++) { if (list[i].id === id) { return list[i]; } }
    return null;
  }

  function renderColumns() {
    var select = $("column");
    var current = select.value;
    clear(select);
    for (var i = 0; i < state.columns.length; i++) {
      var option = el("option", state.columns[i].title);
      option.value = state.columns[i].key;
      select.appendChild(option);
    }
    if (current) { select.value = current; }
  }

  // a choice among a few: real radio buttons in their labels (read as such, checked or not)
  function radio(group, value, text, checked, onchoose, colour) {
    var label = el("label", null, checked ? "choice chosen" : "choice");
    var input = document.createElement("input");
    input.type = "radio";
    input.name = group;
    input.value = value === null ? "" : value;
    input.checked = checked;
    input.onclick = function () { onchoose(value); };
    label.appendChild(input);
    if (colour && /^#[0-9A-Fa-f]{6}$/.test(colour)) {
      var swatch = el("span", null, "swatch");
      swatch.style.backgroundColor = colour;
      label.appendChild(swatch);
    }
    label.appendChild(document.createTextNode(text));
    return label;
  }

  function renderHorizons() {
    var box = $("horizons");
    clear(box);
    if (!state) { return; }
    var values = [""].concat(state.horizons);
    for (var i = 0; i < values.length; i++) {
      box.appendChild(radio("horizon", values[i], values[i] || t("idea.none"), chosenHorizon === values[i], function (value) {
        chosenHorizon = value;
        saveDraft();
        renderHorizons();
        var chosen = document.querySelector("#horizons input:checked");
        if (chosen) { chosen.focus(); }
      }));
    }
  }

  // « Mes idées » comes after the vote: during a vote on every card it is thousands of pixels
  // down. While an idea can still be corrected (its minute) a line under the form leads to it,
  // and a line under « Mes idées » leads back to the vote (focus moved, for keyboards and
  // screen readers as for fingers)
  function newestEditable() {
    if (!state) { return null; }
    for (var i = 0; i < state.ideas.length; i++) { if (state.ideas[i].editable_for > 0) { return state.ideas[i]; } }
    return null;
  }

  function renderJumps() {
    var voting = !!(state && state.vote) && !$("vote").hidden;
    var jump = $("mine-jump");
    var hide = !voting || !newestEditable();
    if (hide && !jump.hidden && document.activeElement === jump) { $("send").focus(); }
    jump.hidden = hide;
    $("vote-back").hidden = !voting || !(state.ideas.length + outbox.length);
  }

  function jumpToIdea() {
    var idea = newestEditable();
    var item = idea && document.querySelector("#mine li[data-idea='" + idea.id + "']");
    if (!item) { renderJumps(); return; }
    var title = $("mine-title");  // the list's title in sight, and « Revenir au vote » under it
    if (title.scrollIntoView) { title.scrollIntoView(); }
    var fix = item.querySelector("button.fix");
    (fix || item).focus();
  }

  function backToVote() {
    var title = $("vote-title");
    if (title.scrollIntoView) { title.scrollIntoView(); }
    title.focus();
  }

  // the list is drawn again every few seconds (the « n s left »): the focus stays where it was
  function focusInMine() {
    var node = document.activeElement;
    var list = $("mine");
    var kind = node && node.tagName === "BUTTON" ? node.className : "";
    while (node && node !== list && node.parentNode !== list) { node = node.parentNode; }
    if (!node || node === list || !node.getAttribute) { return null; }
    return { idea: node.getAttribute("data-idea"), kind: kind };
  }

  function refocus(where) {
    if (!where || !where.idea) { return; }
    var item = document.querySelector("#mine li[data-idea='" + where.idea + "']");
    var keep = { preventScroll: true };  // a finger may have scrolled away meanwhile
    if (!item) { $("mine-title").setAttribute("tabindex", "-1"); $("mine-title").focus(keep); return; }
    var target = where.kind ? item.querySelector("button." + where.kind) : null;
    (target || item).focus(keep);
  }

  function renderMine() {
    if (!state) { return; }
    var list = $("mine");
    var focused = focusInMine();
    clear(list);
    reread();
    $("mine-empty").hidden = state.ideas.length + outbox.length > 0;
    for (var j = outbox.length - 1; j >= 0; j--) {
      var item = el("li", null, "unsent");
      item.appendChild(el("div", outbox[j].text, "text"));
      item.appendChild(el("div", t(me && !ours(outbox[j]) ? "status.elsewhere" : "status.unsent"), "meta"));
      list.appendChild(item);
    }
    for (var i = 0; i < state.ideas.length; i++) { list.appendChild(ideaItem(state.ideas[i])); }
    refocus(focused);
    renderJumps();
  }

  function ideaItem(idea) {
    var item = el("li");
    item.setAttribute("data-idea", idea.id);
    item.tabIndex = -1;
    var text = el("div", idea.text, "text");
    text.id = "idea-" + String(idea.id).replace(/[^A-Za-z0-9_-]/g, "_");
    item.appendChild(text);
    var meta = t("status." + idea.status);
    if (idea.horizon) { meta += " · " + idea.horizon; }
    if (idea.editable_for > 0) { meta += " · " + t("left", { n: idea.editable_for }); }
    item.appendChild(el("div", meta, "meta"));
    if (idea.editable_for > 0) {
      var actions = el("div", null, "actions");
      var fix = button(t("fix"), function () { editIdea(item, idea); });
      fix.className = "fix";
      actions.appendChild(fix);
      var withdrawId = newId();
      var withdraw = button(t("withdraw"), function () { api("withdraw", { idea: idea.id }, applyIdea, withdrawId); });
      withdraw.className = "withdraw";
      fix.setAttribute("aria-describedby", text.id);  // « Corriger » said with its idea
      withdraw.setAttribute("aria-describedby", text.id);
      actions.appendChild(withdraw);
      item.appendChild(actions);
    }
    return item;
  }

  function editIdea(item, idea) {
    clear(item);
    var area = el("textarea");
    area.value = idea.text;
    area.maxLength = 280;
    area.rows = 3;
    area.setAttribute("aria-label", t("fix"));
    item.appendChild(area);
    var actions = el("div", null, "actions");
    var correctId = newId();
    actions.appendChild(button(t("save"), function () { api("correct", { idea: idea.id, text: area.value }, applyIdea, correctId); }));
    actions.appendChild(button(t("cancel"), function () { renderMine(); }));
    item.appendChild(actions);
    area.focus();
  }

  function applyIdea(error, body, handled) {
    if (error) { if (!handled) { banner(errorText(error)); } return; }
    keepIdea(body.idea);
    renderMine();
  }

  function loadCards() {
    var vote = state && state.vote;
    if (!vote || (pollCards && pollCards.poll === vote.poll)) { renderVote(); return; }
    api("cards", {}, function (error, body) {
      if (!error) { pollCards = body; }
      renderVote();
    });
  }

  function renderVote() {
    var vote = state && state.vote;
    var box = $("vote");
    box.hidden = !vote;
    renderJumps();
    if (!vote) { return; }
    var status = vote.open ? counted("vote.left", vote.budget - vote.used, { b: vote.budget }) : t("vote.closed");
    if (vote.secret) { status += " " + t("vote.secret"); }
    if (!vote.open) { status += " " + (vote.used > 0 ? t("vote.yours") : t("vote.none")); }
    $("vote-status").textContent = status;
    var list = $("vote-cards");
    clear(list);
    if (!pollCards || pollCards.poll !== vote.poll) { return; }
    for (var i = 0; i < pollCards.cards.length; i++) {
      var card = pollCards.cards[i];
      if (vote.open) { list.appendChild(voteItem(card, vote)); }
      else if (vote.mine[card.id]) { list.appendChild(closedItem(card, vote.mine[card.id])); }  // a closed vote: the phone's own dots
    }
  }

  function cardItem(card) {
    var item = el("li");
    if (card.column) { item.appendChild(el("div", card.column, "column")); }
    item.appendChild(el("div", card.text, "text"));
    return item;
  }

  function closedItem(card, dots) {
    var item = cardItem(card);
    item.appendChild(el("div", counted("vote.dots", dots), "meta"));
    return item;
  }

  function voteItem(card, vote) {
    var item = cardItem(card);
    var row = el("div", null, "dots");
    var mine = vote.mine[card.id] || 0;
    var minus = button("−", function () { dot(card.id, -1); });
    minus.setAttribute("aria-label", t("dot.remove"));
    minus.disabled = mine <= 0;
    var plus = button("+", function () { dot(card.id, 1); });
    plus.setAttribute("aria-label", t("dot.add"));
    plus.disabled = vote.used >= vote.budget;
    row.appendChild(minus);
    row.appendChild(el("span", String(mine), "mine-dots"));
    row.appendChild(plus);
    item.appendChild(row);
    return item;
  }

  function dot(cardId, delta) {
    api("dot", { poll: state.vote.poll, card: cardId, delta: delta }, function (error, body, handled) {
      if (error) { if (!handled) { banner(errorText(error)); refresh(false); } return; }
      state.vote = body.vote;
      renderVote();
    }, newId());
  }

  function counter() {
    var left = 280 - $("idea").value.length;
    $("count").textContent = counted("chars", left);
  }

  // the profile

  function fillProfile() {
    var select = $("table");
    clear(select);
    var none = el("option", t("no.table"));
    none.value = "";
    select.appendChild(none);
    for (var i = 0; i < state.tables.length; i++) {
      var option = el("option", state.tables[i].label);
      option.value = state.tables[i].id;
      select.appendChild(option);
    }
    select.value = state.me.table || "";
    chosenPersona = state.me.persona;
    $("name").value = state.me.name || "";
    renderPersonas();
  }

  function renderPersonas() {
    var box = $("personas");
    clear(box);
    var options = [{ id: null, name: t("no.persona"), colour: "" }].concat(state.personas);
    for (var i = 0; i < options.length; i++) {
      var persona = options[i];
      box.appendChild(radio("persona", persona.id, persona.name + (persona.role ? " — " + persona.role : ""), chosenPersona === persona.id, function (id) {
        chosenPersona = id;
        renderPersonas();
        var chosen = document.querySelector("#personas input:checked");
        if (chosen) { chosen.focus(); }
      }, persona.colour));
    }
  }

  // events

  $("lang").onclick = function () {
    lang = lang === "fr" ? "en" : "fr";
    save("fabrique-lang-choice", lang);
    translate();
  };
  $("code-form").onsubmit = function (event) {
    event.preventDefault();
    saveDraft();
    var typed = $("code-input").value.replace(/[^A-Za-z0-9]/g, "").toUpperCase();
    if (typed) { location.href = "/r/" + typed; }
  };
  $("profile-save").onclick = function () {
    var data = { table: $("table").value || null, persona: chosenPersona || null, name: $("name").value };
    api("profile", data, function (error, body, handled) {
      if (error) { if (!handled) { banner(errorText(error)); } return; }
      banner("");
      state = body;
      show("main-screen");
      render();
      restoreDraft();
      loadCards();
      flush();
    }, newId());
  };
  $("profile-edit").onclick = function () { fillProfile(); show("profile-screen"); };
  $("idea").oninput = function () { counter(); saveDraft(); };
  if (window.addEventListener) {
    window.addEventListener("storage", function (event) {  // another tab of this page
      if (event.key === KEYS.outbox && state) { renderMine(); later(flush); }
      if (event.key === KEYS.draft && state) { draftChangedElsewhere(); }
    });
  }
  $("column").onchange = saveDraft;
  $("mine-jump").onclick = jumpToIdea;
  $("vote-back").onclick = backToVote;
  $("idea-form").onsubmit = function (event) { event.preventDefault(); send(); };
  setInterval(function () {  // the « n s left » counters
    if (!state || ended) { return; }
    var changed = false;
    for (var i = 0; i < state.ideas.length; i++) {
      if (state.ideas[i].editable_for > 0) { state.ideas[i].editable_for -= 5; changed = true; if (state.ideas[i].editable_for < 0) { state.ideas[i].editable_for = 0; } }
    }
    if (changed && !document.querySelector("#mine textarea")) { renderMine(); }
  }, 5000);

  translate();
  if (!code) { show("code-screen"); } else { join(); }
})();
