/* Fabrique — the page a participant's phone opens. Plain ES5, no library, nothing from the
   internet. Every text from the server is put in the page as text (textContent /
   createTextNode), never as HTML.
   The floor (tests/phones/test_old_browser.py): Android 4.4's browser, iOS Safari 9, Chrome 49,
   Firefox 45 — ES5 syntax, XMLHttpRequest, JSON, querySelectorAll; localStorage and WebSocket
   used when there (without a websocket the page asks every few seconds). */
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
      "idea.send": "Envoyer l'idée", "idea.none": "—", "idea.sent": "Idée envoyée : elle est au tableau.",
      "idea.queued": "Idée envoyée : l'animateur la met au tableau.",
      "mine.title": "Mes idées", "mine.empty": "Vos idées envoyées s'afficheront ici.",
      "status.published": "Au tableau", "status.pending": "En attente de l'animateur",
      "status.set_aside": "Mise de côté par l'animateur", "status.removed": "Retirée par l'animateur",
      "fix": "Corriger", "withdraw": "Retirer", "save": "Enregistrer", "cancel": "Annuler",
      "left": "{n} s pour corriger ou retirer", "chars": "{n} caractères restants",
      "no.table": "Pas de table", "no.persona": "Je parle en mon nom",
      "who": "Table : {table} · {persona}", "phone": "Téléphone {n}",
      "vote.title": "Vote à gommettes", "vote.left": "Il vous reste {n} gommette(s) sur {b}.",
      "vote.closed": "Le vote est clos. Merci !", "vote.secret": "Vote secret : les résultats seront dévoilés au tableau.",
      "dot.add": "Ajouter une gommette", "dot.remove": "Retirer une gommette",
      "e.code": "Ce code n'est pas le bon : vérifiez le code affiché au tableau.",
      "e.code-changed": "La salle a un nouveau code : tapez celui qui est affiché au tableau.",
      "e.banned": "Trop d'essais : attendez une minute avant de réessayer.",
      "e.slow-down": "Doucement : attendez quelques secondes avant d'envoyer encore.",
      "e.empty": "Écrivez d'abord votre idée.", "e.too-long": "L'idée est trop longue (280 caractères au plus).",
      "e.name-too-long": "Le prénom est trop long (40 caractères au plus).",
      "e.too-late": "Plus d'une minute a passé : l'idée ne peut plus être changée d'ici.",
      "e.blocked": "L'animateur a retiré ce téléphone de l'atelier.",
      "e.closed": "L'animateur a fermé la salle aux téléphones. Merci de votre participation !",
      "e.no-dots-left": "Vous avez utilisé toutes vos gommettes.",
      "e.vote-closed": "Le vote est clos.", "e.no-vote": "Aucun vote n'est ouvert.",
      "e.full": "La salle est pleine : demandez à l'animateur.",
      "e.too-many-phones": "Trop de téléphones sont déjà entrés depuis cet appareil ou ce réseau : demandez à l'animateur.",
      "e.room-busy": "Beaucoup d'idées arrivent en même temps : la vôtre est gardée et repart dans quelques secondes.",
      "e.busy": "L'ordinateur de l'animateur est occupé : réessayez.",
      "e.offline": "Pas de connexion avec l'ordinateur de l'animateur : vérifiez le Wi-Fi de la salle.",
      "e.other": "La demande a été refusée ({r})."
    },
    en: {
      "lang": "Français", "lang.code": "fr",
      "code.label": "Room code (shown on the wall)", "code.go": "Enter",
      "profile.title": "Your seat", "profile.table": "Your table",
      "profile.persona": "The persona you speak for",
      "profile.name": "Your first name (optional)", "profile.save": "Let's go",
      "main.change": "Change table or persona",
      "idea.label": "Your idea", "idea.horizon": "Horizon", "idea.column": "Column (optional)",
      "idea.send": "Send the idea", "idea.none": "—", "idea.sent": "Idea sent: it is on the wall.",
      "idea.queued": "Idea sent: the facilitator will put it on the wall.",
      "mine.title": "My ideas", "mine.empty": "The ideas you send will be listed here.",
      "status.published": "On the wall", "status.pending": "Waiting for the facilitator",
      "status.set_aside": "Set aside by the facilitator", "status.removed": "Removed by the facilitator",
      "fix": "Correct", "withdraw": "Withdraw", "save": "Save", "cancel": "Cancel",
      "left": "{n} s left to correct or withdraw", "chars": "{n} characters left",
      "no.table": "No table", "no.persona": "I speak for myself",
      "who": "Table: {table} · {persona}", "phone": "Phone {n}",
      "vote.title": "Dot vote", "vote.left": "You have {n} dot(s) left out of {b}.",
      "vote.closed": "The vote is closed. Thank you!", "vote.secret": "Secret vote: results will be revealed on the wall.",
      "dot.add": "Add a dot", "dot.remove": "Take a dot back",
      "e.code": "This code is not the right one: check the code on the wall.",
      "e.code-changed": "The room has a new code: type the one shown on the wall.",
      "e.banned": "Too many tries: wait a minute before trying again.",
      "e.slow-down": "Slow down: wait a few seconds before sending again.",
      "e.empty": "Write your idea first.", "e.too-long": "The idea is too long (280 characters at most).",
      "e.name-too-long": "The name is too long (40 characters at most).",
      "e.too-late": "More than a minute has passed: the idea can no longer be changed from here.",
      "e.blocked": "The facilitator removed this phone from the workshop.",
      "e.closed": "The facilitator closed the room to phones. Thank you for taking part!",
      "e.no-dots-left": "You have used all your dots.",
      "e.vote-closed": "The vote is closed.", "e.no-vote": "No vote is open.",
      "e.full": "The room is full: ask the facilitator.",
      "e.too-many-phones": "Too many phones have already joined from this device or network: ask the facilitator.",
      "e.room-busy": "Many ideas are arriving at once: yours is kept and will be sent again in a few seconds.",
      "e.busy": "The facilitator's computer is busy: try again.",
      "e.offline": "No connection to the facilitator's computer: check the room's Wi-Fi.",
      "e.other": "The request was refused ({r})."
    }
  };

  var lang = "fr";
  try { lang = localStorage.getItem("fabrique-lang") || "fr"; } catch (e) {}  // French first
  if (!T[lang]) { lang = "fr"; }

  var match = /^\/r\/([A-Za-z0-9-]{1,16})\/?$/.exec(location.pathname);
  var code = match ? match[1].toUpperCase() : "";
  var base = "/r/" + code;
  var me = null;          // {phone, token}
  var state = null;       // the last state from the server
  var chosenPersona = null;
  var chosenHorizon = "";
  var pollCards = null;   // {poll, cards}
  var socket = null;
  var pollTimer = null;
  var closed = false;
  var codeGone = false;   // the room took a new code while this page was open
  var unsent = null;      // {id, text}: the idea being sent (sent again with the same id)

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
  function banner(text, ok) {
    var node = $("banner");
    node.textContent = text || "";
    node.className = ok ? "banner ok" : "banner";
    node.hidden = !text;
  }
  function errorText(reason) { return T[lang]["e." + reason] ? t("e." + reason) : t("e.other", { r: reason }); }

  function translate() {
    document.documentElement.lang = lang;
    var nodes = document.querySelectorAll("[data-t]");
    for (var i = 0; i < nodes.length; i++) { nodes[i].textContent = t(nodes[i].getAttribute("data-t")); }
    $("lang").textContent = t("lang");
    $("lang").setAttribute("lang", t("lang.code"));
    if (state) { render(); }
  }

  // the server

  // every write carries an id, the same when it is sent again: the server answers a repeat
  // with its first answer and never stores it twice
  function newId() {
    var id = "";
    for (var i = 0; i < 20; i++) { id += "abcdefghijklmnopqrstuvwxyz0123456789".charAt(Math.floor(Math.random() * 36)); }
    return id;
  }

  function api(action, data, done, requestId) {
    var xhr = new XMLHttpRequest();
    xhr.open("POST", base + "/api/" + action, true);
    xhr.setRequestHeader("Content-Type", "application/json");
    if (me) { xhr.setRequestHeader("X-Phone", me.phone); xhr.setRequestHeader("X-Token", me.token); }
    if (requestId) { xhr.setRequestHeader("X-Request", requestId); }
    xhr.timeout = 20000;
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) { return; }
      var body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      if (xhr.status >= 200 && xhr.status < 300) { done(null, body); return; }
      var reason = xhr.status === 0 ? "offline" : (body && body.error) || String(xhr.status);
      if (reason === "closed" || reason === "blocked") { end(reason); return; }
      if (reason === "identity") { forget(); join(); return; }
      if (reason === "code" && (state || codeGone)) { codeChanged(); return; }
      done(reason, body);
    };
    xhr.send(JSON.stringify(data || {}));
  }

  // one identity per laptop, whatever the room code (a new code keeps the phone and its ideas)
  function storageKey() { return "fabrique-phone-" + location.host; }
  function remember() { try { localStorage.setItem(storageKey(), JSON.stringify(me)); } catch (e) {} }
  function forget() { me = null; try { localStorage.removeItem(storageKey()); } catch (e) {} }

  function join() {
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(storageKey()) || "null"); } catch (e) { saved = null; }
    if (saved && typeof saved.phone === "string" && typeof saved.token === "string") { me = saved; }
    api("join", {}, function (error, body) {
      if (error) {
        banner(errorText(error));
        if (error === "code" || error === "banned") { me = null; show("code-screen"); $("code-input").value = code; }
        return;
      }
      me = { phone: body.phone, token: body.token };
      remember();
      refresh(true);
      listen();
    });
  }

  function refresh(first) {
    api("state", {}, function (error, body) {
      if (error) { banner(errorText(error)); return; }
      if (error === null && !first && $("banner").className === "banner" && $("banner").textContent === t("e.offline")) { banner(""); }
      state = body;
      if (first) { show(body.me.table || body.me.persona || !body.tables.length && !body.personas.length ? "main-screen" : "profile-screen"); }
      if (first && $("profile-screen").hidden === false) { fillProfile(); }
      render();
      loadCards();
    });
  }

  function listen() {
    if (!window.WebSocket) { startPolling(8000); return; }
    var url = "ws://" + location.host + base + "/ws?phone=" + encodeURIComponent(me.phone) + "&token=" + encodeURIComponent(me.token);
    try { socket = new WebSocket(url); } catch (e) { startPolling(8000); return; }
    socket.onmessage = function (event) {
      var notice = null;
      try { notice = JSON.parse(event.data); } catch (e) { return; }
      if (!notice || typeof notice.type !== "string") { return; }
      if (notice.type === "closed" || notice.type === "blocked") { end(notice.type); return; }
      if (notice.type === "code") { codeChanged(); return; }
      if (!applyNotice(notice)) { later(function () { refresh(false); }); }
    };
    socket.onclose = function () { socket = null; if (!closed) { startPolling(5000); } };
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
      if (closed) { clearInterval(pollTimer); return; }
      refresh(false);
      if (!socket && window.WebSocket) { clearInterval(pollTimer); pollTimer = null; listen(); }
    }, every);
  }

  function codeChanged() {  // the facilitator gave the room a new code: ask for it
    if (pollTimer) { clearInterval(pollTimer); pollTimer = null; }
    if (socket) { var old = socket; socket = null; old.onclose = null; try { old.close(); } catch (e) {} }
    state = null;
    codeGone = true;
    show("code-screen");
    $("code-input").value = "";
    banner(t("e.code-changed"));
  }

  function end(reason) {
    closed = true;
    if (socket) { try { socket.close(); } catch (e) {} }
    $("closed-text").textContent = errorText(reason);
    banner("");
    show("closed-screen");
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

  function renderHorizons() {
    var box = $("horizons");
    clear(box);
    var values = [""].concat(state.horizons);
    for (var i = 0; i < values.length; i++) {
      box.appendChild(toggle(values[i] || t("idea.none"), chosenHorizon === values[i], (function (value) {
        return function () { chosenHorizon = value; renderHorizons(); };
      })(values[i])));
    }
  }

  function toggle(text, pressed, onclick) {
    var node = button(text, onclick);
    node.setAttribute("aria-pressed", pressed ? "true" : "false");
    return node;
  }

  function renderMine() {
    var list = $("mine");
    clear(list);
    $("mine-empty").hidden = state.ideas.length > 0;
    for (var i = 0; i < state.ideas.length; i++) { list.appendChild(ideaItem(state.ideas[i])); }
  }

  function ideaItem(idea) {
    var item = el("li");
    item.appendChild(el("div", idea.text, "text"));
    var meta = t("status." + idea.status);
    if (idea.horizon) { meta += " · " + idea.horizon; }
    if (idea.editable_for > 0) { meta += " · " + t("left", { n: idea.editable_for }); }
    item.appendChild(el("div", meta, "meta"));
    if (idea.editable_for > 0) {
      var actions = el("div", null, "actions");
      actions.appendChild(button(t("fix"), function () { editIdea(item, idea); }));
      var withdrawId = newId();
      actions.appendChild(button(t("withdraw"), function () { api("withdraw", { idea: idea.id }, applyIdea, withdrawId); }));
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
    item.appendChild(area);
    var actions = el("div", null, "actions");
    var correctId = newId();
    actions.appendChild(button(t("save"), function () { api("correct", { idea: idea.id, text: area.value }, applyIdea, correctId); }));
    actions.appendChild(button(t("cancel"), function () { renderMine(); }));
    item.appendChild(actions);
    area.focus();
  }

  function applyIdea(error, body) {
    if (error) { banner(errorText(error)); refresh(false); return; }
    keepIdea(body.idea);
    renderMine();
  }

  function loadCards() {
    var vote = state && state.vote;
    if (!vote || !vote.open || (pollCards && pollCards.poll === vote.poll)) { renderVote(); return; }
    api("cards", {}, function (error, body) {
      if (!error) { pollCards = body; }
      renderVote();
    });
  }

  function renderVote() {
    var vote = state && state.vote;
    var box = $("vote");
    box.hidden = !vote;
    if (!vote) { return; }
    var status = vote.open ? t("vote.left", { n: vote.budget - vote.used, b: vote.budget }) : t("vote.closed");
    if (vote.open && vote.secret) { status += " " + t("vote.secret"); }
    $("vote-status").textContent = status;
    var list = $("vote-cards");
    clear(list);
    if (!vote.open || !pollCards || pollCards.poll !== vote.poll) { return; }
    for (var i = 0; i < pollCards.cards.length; i++) { list.appendChild(voteItem(pollCards.cards[i], vote)); }
  }

  function voteItem(card, vote) {
    var item = el("li");
    if (card.column) { item.appendChild(el("div", card.column, "column")); }
    item.appendChild(el("div", card.text, "text"));
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
    api("dot", { poll: state.vote.poll, card: cardId, delta: delta }, function (error, body) {
      if (error) { banner(errorText(error)); refresh(false); return; }
      state.vote = body.vote;
      renderVote();
    }, newId());
  }

  function counter() {
    var left = 280 - $("idea").value.length;
    $("count").textContent = t("chars", { n: left });
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
      var choice = toggle("", chosenPersona === persona.id, (function (id) {
        return function () { chosenPersona = id; renderPersonas(); };
      })(persona.id));
      if (persona.colour && /^#[0-9A-Fa-f]{6}$/.test(persona.colour)) {
        var swatch = el("span", null, "swatch");
        swatch.style.backgroundColor = persona.colour;
        choice.appendChild(swatch);
      }
      choice.appendChild(document.createTextNode(persona.name + (persona.role ? " — " + persona.role : "")));
      choice.setAttribute("role", "radio");
      box.appendChild(choice);
    }
  }

  // events

  $("lang").onclick = function () {
    lang = lang === "fr" ? "en" : "fr";
    try { localStorage.setItem("fabrique-lang", lang); } catch (e) {}
    translate();
  };
  $("code-form").onsubmit = function (event) {
    event.preventDefault();
    var typed = $("code-input").value.replace(/[^A-Za-z0-9]/g, "").toUpperCase();
    if (typed) { location.href = "/r/" + typed; }
  };
  $("profile-save").onclick = function () {
    var data = { table: $("table").value || null, persona: chosenPersona || null, name: $("name").value };
    api("profile", data, function (error, body) {
      if (error) { banner(errorText(error)); return; }
      banner("");
      state = body;
      show("main-screen");
      render();
      loadCards();
    }, newId());
  };
  $("profile-edit").onclick = function () { fillProfile(); show("profile-screen"); };
  $("idea").oninput = counter;
  $("idea-form").onsubmit = function (event) {
    event.preventDefault();
    var text = $("idea").value;
    if (!text.replace(/\s/g, "")) { banner(errorText("empty")); return; }
    $("send").disabled = true;
    var data = { text: text, column: $("column").value || null, horizon: chosenHorizon || null };
    if (!unsent || unsent.text !== text) { unsent = { id: newId(), text: text }; }  // sent again: the same id
    api("idea", data, function (error, body) {
      $("send").disabled = false;
      if (error) { banner(errorText(error)); return; }
      unsent = null;
      $("idea").value = "";
      chosenHorizon = "";
      banner(body.idea.status === "pending" ? t("idea.queued") : t("idea.sent"), true);
      keepIdea(body.idea);
      render();
    }, unsent.id);
  };
  setInterval(function () {  // the « n s left » counters
    if (!state || closed) { return; }
    var changed = false;
    for (var i = 0; i < state.ideas.length; i++) {
      if (state.ideas[i].editable_for > 0) { state.ideas[i].editable_for -= 5; changed = true; if (state.ideas[i].editable_for < 0) { state.ideas[i].editable_for = 0; } }
    }
    if (changed && !document.querySelector("#mine textarea")) { renderMine(); }
  }, 5000);

  translate();
  if (!code) { show("code-screen"); } else { join(); }
})();
