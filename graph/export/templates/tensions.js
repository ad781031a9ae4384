// The tension view's map and filters. Plain DOM: every text from the data reaches the page through
// textContent, vis-network's canvas labels or its innerText tooltips, or as a copy of an escaped card
// element; never parsed as markup. The layout is a pure function of the data, the filters and the size
// of the map: no physics, no randomness, so every load draws the same picture.
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("view-data").textContent);
  var mapEl = document.getElementById("map");
  var cardsEl = document.getElementById("cards");
  var details = document.getElementById("details");
  var detailsBody = document.getElementById("details-body");
  var C = D.colours;
  var FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  var ROW = 34, CLAIM_ROW = 72, HEAD = 66, PAD = 14, GAP = 14, MAX_SIDE = 9, MAX_CLAIMS = 5, MAX_BOTH = 4;

  var F = { doc: -1, theme: D.filter.theme, group: -1, level: D.level };
  var state = { clusters: [], entries: {}, pages: [], page: 0, focus: -1, frames: [], meta: {} };

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) { n.className = cls; }
    if (text !== undefined && text !== null) { n.textContent = text; }
    return n;
  }
  function shorten(text, n) {
    text = String(text).replace(/\s+/g, " ").trim();
    if (text.length <= n) { return text; }
    var cut = text.slice(0, n - 1);
    var sp = cut.lastIndexOf(" ");
    if (sp > n / 2) { cut = cut.slice(0, sp); }
    return cut.replace(/[ ,;:]+$/, "") + "…";
  }
  var measure = document.createElement("canvas").getContext("2d");
  // `text` cut at a word (with an ellipsis) to fit `width` pixels in the given font size
  function fit(text, width, size) {
    measure.font = size + "px " + FONT;
    text = String(text).replace(/\s+/g, " ").trim();
    if (measure.measureText(text).width <= width) { return text; }
    var lo = 1, hi = text.length;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (measure.measureText(shorten(text, mid)).width <= width) { lo = mid; } else { hi = mid - 1; }
    }
    return shorten(text, lo);
  }
  function tint(hex, amount) {
    var v = parseInt(hex.slice(1), 16), r = v >> 16, g = (v >> 8) & 255, b = v & 255;
    function mix(c) { return Math.round(c + (255 - c) * amount); }
    return "rgb(" + mix(r) + "," + mix(g) + "," + mix(b) + ")";
  }

  // ------------------------------------------------------------------ filters
  function entryShown(e) {
    if (F.doc >= 0 && e[5].indexOf(F.doc) < 0) { return false; }
    if (F.theme >= 0 && D.claims[e[1]].themes.indexOf(F.theme) < 0) { return false; }
    return true;
  }
  function inGroup(s) {
    return F.group >= 0 && (D.stakeholders[s].group === F.group || D.groups[F.group].s === s);
  }
  function compute() {
    var byCluster = {};
    D.entries.forEach(function (e) {
      if (entryShown(e)) { (byCluster[e[0]] = byCluster[e[0]] || []).push(e); }
    });
    state.entries = byCluster;
    state.clusters = [];
    D.clusters.forEach(function (c, t) {
      var es = byCluster[t];
      if (!es) { return; }
      if (F.group >= 0 && !es.some(function (e) { return inGroup(e[2]); })) { return; }
      state.clusters.push(t);
    });
  }

  function applyCards() {
    var shown = {};
    state.clusters.forEach(function (t) { shown[t] = true; });
    var cards = cardsEl.querySelectorAll("article.card");
    Array.prototype.forEach.call(cards, function (card) {
      var t = +card.getAttribute("data-t");
      card.hidden = !shown[t];
      if (card.hidden) { return; }
      Array.prototype.forEach.call(card.querySelectorAll("section.question"), function (q) {
        var c = +q.getAttribute("data-c");
        var themeOk = F.theme < 0 || D.claims[c].themes.indexOf(F.theme) >= 0;
        var any = false;
        Array.prototype.forEach.call(q.querySelectorAll("li.entry"), function (li) {
          var docs = li.getAttribute("data-docs").split(" ").filter(Boolean).map(Number);
          var ok = themeOk && (F.doc < 0 || docs.indexOf(F.doc) >= 0);
          li.hidden = !ok;
          any = any || ok;
          li.classList.toggle("mark", inGroup(+li.getAttribute("data-s")));
        });
        q.hidden = !any;
        Array.prototype.forEach.call(q.querySelectorAll(".camp"), function (camp) {
          camp.querySelector("h4 .n").textContent = camp.querySelectorAll("li.entry:not([hidden])").length;
        });
        Array.prototype.forEach.call(q.querySelectorAll("details.group"), function (g) {
          var n = g.querySelectorAll("li.entry:not([hidden])").length;
          g.hidden = n === 0;
          g.querySelector("summary .n").textContent = n;
          if (F.level === "individuals") { g.open = true; }
        });
      });
    });
    var empty = cardsEl.querySelector("p.filtered");
    if (!state.clusters.length && D.clusters.length) {
      if (!empty) { empty = el("p", "empty filtered", "No tension cluster matches these filters."); cardsEl.insertBefore(empty, cardsEl.firstChild); }
    } else if (empty) { empty.remove(); }
  }

  // ------------------------------------------------------------------ layout
  function geometry() {
    var W = Math.max(mapEl.clientWidth, 320), H = Math.max(mapEl.clientHeight, 240);
    var cols = W >= 2 * 700 + 3 * PAD ? 2 : 1;
    var boxW = Math.min((W - (cols + 1) * PAD) / cols, 1000);
    return { W: W, H: H, cols: cols, boxW: boxW, sideW: Math.floor(boxW * 0.28), claimW: Math.floor(boxW * 0.34) };
  }

  // how many rows and claims a cluster may show in `avail` pixels of height
  function caps(avail) {
    var inner = avail - HEAD - 12;
    return { perSide: Math.min(MAX_SIDE, Math.floor(inner / ROW)), claims: Math.min(MAX_CLAIMS, Math.floor((inner - 16) / CLAIM_ROW)) };
  }

  function actorOf(s, side) {
    var st = D.stakeholders[s];
    if (F.level === "groups" && st.group >= 0) { return { key: "g" + st.group + side, kind: "group", ref: st.group }; }
    return { key: "s" + s + (F.level === "groups" ? side : ""), kind: "stakeholder", ref: s };
  }

  // one cluster as columns of items: its claims in the middle, side A left, side B right
  function model(t, G, avail) {
    var c = D.clusters[t], es = state.entries[t] || [];
    var cap = caps(avail);
    var orient = {};
    c.claims.forEach(function (ci, k) { orient[ci] = c.orient[k]; });
    var used = {};
    es.forEach(function (e) { used[e[1]] = true; });
    var claims = c.claims.filter(function (ci) { return used[ci]; });
    var hiddenClaims = claims.slice(Math.max(1, cap.claims));
    claims = claims.slice(0, Math.max(1, cap.claims));
    var onMap = {};
    claims.forEach(function (ci) { onMap[ci] = true; });
    var items = {}, order = [];
    es.forEach(function (e) {
      if (e[3] === 0 || !onMap[e[1]]) { return; }
      var side = e[3] * orient[e[1]] > 0 ? "A" : "B";
      var a = actorOf(e[2], side);
      var it = items[a.key];
      if (!it) { it = items[a.key] = { key: a.key, kind: a.kind, ref: a.ref, sides: {}, people: {}, n: 0, links: {}, entries: [] }; order.push(a.key); }
      it.sides[side] = true;
      it.people[e[2]] = true;
      it.entries.push(e);
      var lk = e[1] + ":" + e[3] + ":" + (e[4] >= 0 ? 1 : 0);
      it.links[lk] = (it.links[lk] || 0) + 1;
    });
    var cols = { A: [], B: [], both: [] };
    order.forEach(function (k) {
      var it = items[k];
      it.count = Object.keys(it.people).length;
      it.col = it.sides.A && it.sides.B ? "both" : (it.sides.A ? "A" : "B");
      cols[it.col].push(it);
    });
    function label(it) { return it.kind === "group" ? D.groups[it.ref].text : D.stakeholders[it.ref].text; }
    // the most involved first (they stay on the map when a side is cut), then each column in the order of
    // the claims its items are linked to (fewer crossing lines), then by label
    var row = {};
    claims.forEach(function (ci, k) { row[ci] = k; });
    order.forEach(function (k) {
      var it = items[k], sum = 0, n = 0;
      Object.keys(it.links).forEach(function (lk) { var ci = +lk.split(":")[0]; sum += row[ci] * it.links[lk]; n += it.links[lk]; });
      it.bary = n ? sum / n : 0;
    });
    function byLabel(x, y) { return label(x) < label(y) ? -1 : label(x) > label(y) ? 1 : 0; }
    ["A", "B", "both"].forEach(function (k) {
      cols[k].sort(function (x, y) { return y.count - x.count || y.entries.length - x.entries.length || byLabel(x, y); });
    });
    var more = {};
    ["A", "B"].forEach(function (k) {
      if (cols[k].length > cap.perSide) { more[k] = cols[k].slice(cap.perSide - 1); cols[k] = cols[k].slice(0, cap.perSide - 1); }
    });
    var maxBoth = Math.min(MAX_BOTH, Math.max(0, Math.floor((avail - HEAD - 12 - claims.length * CLAIM_ROW - 26) / ROW)));
    if (cols.both.length > maxBoth) { more.both = cols.both.slice(Math.max(0, maxBoth - 1)); cols.both = cols.both.slice(0, Math.max(0, maxBoth - 1)); }
    ["A", "B", "both"].forEach(function (k) {
      cols[k].sort(function (x, y) { return x.bary - y.bary || y.count - x.count || byLabel(x, y); });
    });
    var rowsA = cols.A.length + (more.A ? 1 : 0), rowsB = cols.B.length + (more.B ? 1 : 0);
    var centre = claims.length * CLAIM_ROW + (hiddenClaims.length ? 16 : 0) + (cols.both.length || more.both ? 26 + (cols.both.length + (more.both ? 1 : 0)) * ROW : 0);
    var h = HEAD + Math.max(rowsA * ROW, rowsB * ROW, centre) + 12;
    return { t: t, claims: claims, hiddenClaims: hiddenClaims, cols: cols, more: more, h: h, orient: orient, label: label };
  }

  function paginate() {
    var G = geometry();
    var pages = [], cur = [], colH = [], col = 0;
    function fresh() { cur = []; colH = []; for (var i = 0; i < G.cols; i++) { colH.push(PAD); } }
    fresh();
    var full = G.H - 2 * PAD, least = HEAD + 12 + 4 * ROW;
    state.clusters.forEach(function (t) {
      var best = 0;
      for (var i = 1; i < G.cols; i++) { if (colH[i] < colH[best]) { best = i; } }
      // in the room left on this page, with fewer rows if need be; else at the top of a new page
      var room = G.H - PAD - colH[best];
      var m = room >= least ? model(t, G, room) : null;
      if (!m || m.h > room || (cur.length && m.claims.length < Math.min(3, m.claims.length + m.hiddenClaims.length))) {
        if (cur.length) { pages.push(cur); fresh(); }
        best = 0;
        m = model(t, G, full);
      }
      m.x = PAD + best * (G.boxW + PAD);
      m.y = colH[best];
      colH[best] += m.h + GAP;
      cur.push(m);
    });
    if (cur.length) { pages.push(cur); }
    state.pages = pages;
    state.G = G;
    if (state.page >= pages.length) { state.page = Math.max(0, pages.length - 1); }
  }

  // ------------------------------------------------------------------ drawing
  var nodes = new vis.DataSet(), edges = new vis.DataSet();
  var network = new vis.Network(mapEl, { nodes: nodes, edges: edges }, {
    autoResize: true, physics: { enabled: false }, layout: { improvedLayout: false, randomSeed: 13 },
    interaction: { hover: true, dragNodes: false, dragView: true, zoomView: true, tooltipDelay: 120,
                   selectConnectedEdges: false, navigationButtons: false, keyboard: false },
    nodes: { font: { size: 13, face: FONT, color: "#222" }, borderWidth: 1, margin: 6, shapeProperties: { borderRadius: 4 } },
    edges: { smooth: false, width: 1.5, selectionWidth: 1.5, hoverWidth: 0.5 }
  });

  function textNode(id, x, y, text, size, colour, meta) {
    state.meta[id] = meta;
    return { id: id, x: x, y: y, label: text, shape: "text", font: { size: size, color: colour, face: FONT }, title: meta.title };
  }

  function draw() {
    var G = state.G, page = state.pages[state.page] || [];
    var ns = [], es = [];
    state.meta = {};
    state.frames = [];
    var legend = {};
    page.forEach(function (m) {
      var t = m.t, c = D.clusters[t], x0 = m.x, y0 = m.y, w = G.boxW;
      var xA = x0 + 12 + G.sideW / 2, xC = x0 + w / 2, xB = x0 + w - 12 - G.sideW / 2;
      state.frames.push({ t: t, x: x0, y: y0, w: w, h: m.h });
      var title = "#" + c.rank + "  " + (c.label || "");
      ns.push(textNode("t" + t + ":title", xC, y0 + 16, fit(title, w - 24, 15), 15, "#222",
                       { kind: "title", t: t, title: title }));
      var captions = c.captions;
      ns.push(textNode("t" + t + ":capA", xA, y0 + 44, captions[0], 14, C.support, { kind: "caption", t: t, side: "A", title: captions[0] + ": the stakeholders on this side" }));
      ns.push(textNode("t" + t + ":capB", xB, y0 + 44, captions[1], 14, C.oppose, { kind: "caption", t: t, side: "B", title: captions[1] + ": the stakeholders on this side" }));
      var y = y0 + HEAD;
      m.claims.forEach(function (ci) {
        var cl = D.claims[ci], id = "t" + t + ":c" + ci;
        var colour = cl.colour;
        if (cl.theme >= 0) { legend[cl.theme] = true; }
        state.meta[id] = { kind: "claim", t: t, ref: ci };
        ns.push({ id: id, x: xC, y: y + CLAIM_ROW / 2 - 6, label: fit(cl.text, (G.claimW - 14) * 2.6, 13), shape: "box",
                  title: cl.text + (cl.theme >= 0 ? "\nTheme: " + D.themes[cl.theme].label : ""),
                  widthConstraint: { minimum: G.claimW, maximum: G.claimW }, borderWidth: 3,
                  color: { background: tint(colour, 0.86), border: colour, highlight: { background: tint(colour, 0.7), border: colour },
                           hover: { background: tint(colour, 0.75), border: colour } },
                  font: { size: 13, face: FONT, color: "#111" } });
        y += CLAIM_ROW;
      });
      if (m.hiddenClaims.length) {
        var more = m.hiddenClaims.length;
        ns.push(textNode("t" + t + ":moreClaims", xC, y - 6, "+ " + more + " more claim" + (more > 1 ? "s" : "") + " (on the card)",
                         13, "#555", { kind: "title", t: t, title: m.hiddenClaims.map(function (ci) { return D.claims[ci].text; }).join("\n") }));
        y += 16;
      }
      function place(list, more, x, ytop, side) {
        var yy = ytop;
        list.forEach(function (it) {
          var id = "t" + t + ":" + it.key;
          var full = m.label(it);
          var text = it.kind === "group" ? full + " · " + it.count : full;
          state.meta[id] = { kind: it.kind, t: t, ref: it.ref, side: side, people: Object.keys(it.people).map(Number) };
          ns.push({ id: id, x: x, y: yy + ROW / 2, label: fit(text, G.sideW - 18, 13), shape: "box",
                    title: full + (it.kind === "group" ? "\n" + it.count + " member" + (it.count === 1 ? "" : "s") + " on this side" : "") + "\nClick for the quotes",
                    shapeProperties: { borderRadius: 12 }, borderWidth: it.kind === "group" ? 2 : 1,
                    color: side === "both" ? { background: "#f5f0fa", border: "#7b5ea7", highlight: { background: "#ebe1f5", border: "#4b2f77" } }
                         : it.kind === "group" ? { background: "#e8eef6", border: "#4a5a70", highlight: { background: "#d5e1f0", border: "#22303f" } }
                         : { background: "#ffffff", border: "#8a8a8a", highlight: { background: "#eef3f8", border: "#333" } },
                    font: { size: 13, face: FONT, color: "#222" } });
          if (side === "both") { yy += ROW; return; }  // their lines would cross the claims: the panel lists them
          Object.keys(it.links).forEach(function (lk) {
            var p = lk.split(":"), ci = +p[0], st = +p[1], via = p[2] === "1";
            es.push({ from: id, to: "t" + t + ":c" + ci, color: { color: st > 0 ? C.support : C.oppose, opacity: 0.8 },
                      dashes: via, width: 1 + Math.min(it.links[lk], 8) * 0.5,
                      title: full + (st > 0 ? " supports: " : via ? " backs the alternative to: " : " opposes: ") + D.claims[ci].text });
          });
          yy += ROW;
        });
        if (more) {
          var id = "t" + t + ":more" + side;
          var people = {};
          more.forEach(function (it) { Object.keys(it.people).forEach(function (s) { people[s] = true; }); });
          var n = Object.keys(people).length;
          state.meta[id] = { kind: "more", t: t, side: side, people: Object.keys(people).map(Number) };
          ns.push({ id: id, x: x, y: yy + ROW / 2, label: "+ " + more.length + " more" + (F.level === "groups" ? " (" + n + ")" : ""),
                    shape: "box", shapeProperties: { borderRadius: 12 }, title: more.map(m.label).join("\n"),
                    color: { background: "#f4f4f4", border: "#bbbbbb" }, font: { size: 13, face: FONT, color: "#444" } });
        }
      }
      place(m.cols.A, m.more.A, xA, y0 + HEAD - 6, "A");
      place(m.cols.B, m.more.B, xB, y0 + HEAD - 6, "B");
      [["A", xA], ["B", xB]].forEach(function (side) {
        if (!m.cols[side[0]].length && !m.more[side[0]]) {
          ns.push(textNode("t" + t + ":none" + side[0], side[1], y0 + HEAD + 10, "(nobody states this side)", 13, "#666",
                           { kind: "caption", t: t, side: side[0], title: "No stakeholder in these documents takes this side" }));
        }
      });
      if (m.cols.both.length || m.more.both) {
        ns.push(textNode("t" + t + ":capBoth", xC, y + 6, "on both sides", 13, "#555", { kind: "caption", t: t, side: "both", title: "Stakeholders found on both sides" }));
        place(m.cols.both, m.more.both, xC, y + 20, "both");
      }
    });
    nodes.clear();
    edges.clear();
    nodes.add(ns);
    edges.add(es.map(function (e, i) { e.id = "e" + i; return e; }));
    network.moveTo({ position: { x: G.W / 2, y: G.H / 2 }, scale: 1, animation: false });
    drawLegend(legend);
    var first = page.length ? D.clusters[page[0].t].rank : 0, last = page.length ? D.clusters[page[page.length - 1].t].rank : 0;
    document.getElementById("page-info").textContent = state.clusters.length
      ? "Clusters " + (page.length === 1 ? "#" + first : "#" + first + "–#" + last) + " · page " + (state.page + 1) + " of " + state.pages.length + " · " + state.clusters.length + " shown"
      : "No cluster matches";
    document.getElementById("prev").disabled = state.page <= 0;
    document.getElementById("next").disabled = state.page >= state.pages.length - 1;
  }

  function drawLegend(themes) {
    var box = document.getElementById("legend-themes");
    while (box.firstChild) { box.removeChild(box.firstChild); }
    D.legend.filter(function (i) { return themes[i]; }).forEach(function (i) {
      var key = el("span", "key"), sw = el("span", "sw");
      sw.style.borderColor = D.themes[i].colour;
      key.appendChild(sw);
      key.appendChild(document.createTextNode(D.themes[i].label));
      box.appendChild(key);
    });
  }

  network.on("beforeDrawing", function (ctx) {
    state.frames.forEach(function (f) {
      ctx.save();
      ctx.fillStyle = f.t === state.focus ? "#f4f7fb" : "#fafafa";
      ctx.strokeStyle = f.t === state.focus ? "#555" : "#d8d8d8";
      ctx.lineWidth = f.t === state.focus ? 2 : 1;
      ctx.beginPath();
      if (ctx.roundRect) { ctx.roundRect(f.x, f.y, f.w, f.h, 8); } else { ctx.rect(f.x, f.y, f.w, f.h); }
      ctx.fill();
      ctx.stroke();
      ctx.restore();
    });
  });

  // ------------------------------------------------------------------ details: copies of the card entries
  function entriesFor(meta) {
    var sel = "li.entry[data-t='" + meta.t + "']";
    var all = Array.prototype.filter.call(cardsEl.querySelectorAll(sel), function (li) { return !li.hidden; });
    if (meta.kind === "claim") { return all.filter(function (li) { return +li.getAttribute("data-c") === meta.ref; }); }
    var people = {};
    (meta.people || [meta.ref]).forEach(function (s) { people[s] = true; });
    return all.filter(function (li) { return people[+li.getAttribute("data-s")]; });
  }

  function showDetails(meta) {
    while (detailsBody.firstChild) { detailsBody.removeChild(detailsBody.firstChild); }
    var heading;
    if (meta.kind === "claim") { heading = D.claims[meta.ref].text; }
    else if (meta.kind === "group") { heading = D.groups[meta.ref].text + " — " + meta.people.length + " on this side"; }
    else if (meta.kind === "stakeholder") { heading = D.stakeholders[meta.ref].text; }
    else if (meta.kind === "more") { heading = meta.people.length + " more stakeholders on this side"; }
    else { heading = "#" + D.clusters[meta.t].rank + " " + D.clusters[meta.t].label; }
    detailsBody.appendChild(el("h2", "", heading));
    var list = entriesFor(meta);
    if (meta.kind === "caption" || meta.kind === "title") { list = []; }
    var lastWho = null;
    list.forEach(function (li) {
      var box = el("div", "pos");
      var s = +li.getAttribute("data-s"), c = +li.getAttribute("data-c"), st = li.getAttribute("data-st");
      var verb = st === "support" ? "supports" : st === "oppose" ? "opposes" : "is neutral on";
      var via = li.querySelector(".via");
      if (via) { verb = "opposes (backs the alternative)"; }
      var who = D.stakeholders[s].text;
      var line = el("div", "what");
      if (meta.kind !== "stakeholder" && who !== lastWho) { line.appendChild(el("span", "", who + " ")); }
      lastWho = who;
      var verbEl = el("span", st === "support" ? "for" : st === "oppose" ? "against" : "", verb);
      line.appendChild(verbEl);
      line.appendChild(document.createTextNode(meta.kind === "claim" ? "" : ": " + D.claims[c].text));
      box.appendChild(line);
      var quotes = li.querySelector(".quotes");
      if (quotes) { box.appendChild(quotes.cloneNode(true)); }
      detailsBody.appendChild(box);
    });
    if (meta.kind === "caption" || meta.kind === "title") {
      detailsBody.appendChild(el("p", "", "The card of this cluster is highlighted on the right."));
    } else if (!list.length) {
      detailsBody.appendChild(el("p", "", "No quotes under the current filters."));
    }
    details.hidden = false;
    details.scrollTop = 0;
  }

  function focusCard(t, scroll) {
    state.focus = t;
    Array.prototype.forEach.call(cardsEl.querySelectorAll("article.card.focus"), function (c) { c.classList.remove("focus"); });
    var card = document.getElementById("card-" + t);
    if (card) {
      card.classList.add("focus");
      if (scroll) { card.scrollIntoView({ block: "start" }); }
    }
    network.redraw();
  }

  network.on("click", function (params) {
    if (!params.nodes.length) { return; }
    var meta = state.meta[params.nodes[0]];
    if (!meta) { return; }
    showDetails(meta);
    focusCard(meta.t, true);
  });
  document.getElementById("details-close").addEventListener("click", function () { details.hidden = true; });

  // ------------------------------------------------------------------ controls
  function refresh(keepPage) {
    compute();
    applyCards();
    if (!keepPage) { state.page = 0; }
    paginate();
    draw();
  }
  function showCluster(t) {
    for (var p = 0; p < state.pages.length; p++) {
      if (state.pages[p].some(function (m) { return m.t === t; })) { state.page = p; draw(); break; }
    }
    focusCard(t, false);
  }
  function bindSelect(id, key, numeric) {
    var s = document.getElementById(id);
    if (numeric && F[key] >= 0) { s.value = String(F[key]); }
    s.addEventListener("change", function () {
      F[key] = numeric ? +s.value : s.value;
      details.hidden = true;
      refresh(false);
    });
  }
  bindSelect("f-document", "doc", true);
  bindSelect("f-theme", "theme", true);
  bindSelect("f-group", "group", true);
  bindSelect("f-level", "level", false);
  function turn(step) {
    var p = state.page + step;
    if (p < 0 || p >= state.pages.length) { return; }
    state.page = p;
    draw();
    var first = state.pages[p][0];
    var card = first && document.getElementById("card-" + first.t);
    if (card) { cardsEl.scrollTop = card.offsetTop - cardsEl.offsetTop; }
  }
  document.getElementById("prev").addEventListener("click", function () { turn(-1); });
  document.getElementById("next").addEventListener("click", function () { turn(1); });
  cardsEl.addEventListener("click", function (evt) {
    var btn = evt.target.closest ? evt.target.closest("button.show") : null;
    if (btn) { showCluster(+btn.getAttribute("data-t")); }
  });
  // when the map changes size (window, header wrapping), vis-network rescales the view to keep what was
  // visible: lay out again for the new size instead, at scale 1
  var resizeTimer = null;
  network.on("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      if (Math.abs(mapEl.clientWidth - state.G.W) > 1 || Math.abs(mapEl.clientHeight - state.G.H) > 1) { refresh(true); }
    }, 100);
  });

  refresh(false);
  network.once("afterDrawing", function () { document.body.setAttribute("data-ready", "1"); });
  network.redraw();
  // for tests and scripts: the network, the node meta and the page state
  window.tensionView = { network: network, nodes: nodes, state: state, filters: F, refresh: refresh, showCluster: showCluster };
})();
