// The explorer page: plain DOM, every text from the data set with textContent (never innerHTML).
(function () {
  "use strict";

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      if (k === "text") { node.textContent = props[k]; }
      else if (k === "className") { node.className = props[k]; }
      else { node.setAttribute(k, props[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }

  function getJSON(path) {
    return fetch(path, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) { return r.json().then(function (p) { throw new Error(p.detail || r.statusText); }); }
      return r.json();
    });
  }

  function qs(params) {
    return Object.keys(params).filter(function (k) { return params[k] !== "" && params[k] != null; })
      .map(function (k) { return encodeURIComponent(k) + "=" + encodeURIComponent(params[k]); }).join("&");
  }

  function badge(stance, n) {
    return el("span", { className: "badge " + stance, text: (n === undefined ? "" : n + " ") + stance });
  }

  function quoteList(evidence) {
    var frag = document.createDocumentFragment();
    (evidence || []).forEach(function (e) {
      var where = [e.source_label, e.section && e.section.join(" > ")].filter(Boolean).join(" · ");
      frag.appendChild(el("blockquote", {}, [
        el("span", { text: "“" + e.quote + "”" }),
        where ? el("div", { className: "muted", text: where }) : null
      ]));
    });
    return frag;
  }

  var detail = document.getElementById("detail");
  function show(nodes) {
    while (detail.firstChild) { detail.removeChild(detail.firstChild); }
    nodes.forEach(function (n) { if (n) { detail.appendChild(n); } });
  }
  function showError(err) { show([el("p", { className: "muted", text: "Could not load: " + err.message })]); }

  // same-label stakeholders of different documents ("Workshop participants") carry their document
  function who(p) { return p.stakeholder_display || p.stakeholder_label; }
  function stakeholderName(s) { return s.display_label || s.label; }

  function positionBlock(p, who) {
    var box = el("div", { className: "position" }, [
      el("div", {}, [
        el("strong", { text: who }), badge(p.stance),
        p.quantifier ? el("span", { className: "muted", text: " " + p.quantifier }) : null,
        el("span", { className: "muted", text: " · " + (p.document_title || p.document) })
      ])
    ]);
    box.appendChild(quoteList(p.evidence));
    return box;
  }

  function showClaim(id) {
    getJSON("/claims/" + encodeURIComponent(id)).then(function (c) {
      var cols = el("div", { className: "columns" }, [
        el("div", {}, [el("h3", { text: "Supporters (" + c.supporters.length + ")" })]),
        el("div", {}, [el("h3", { text: "Opponents (" + c.opponents.length + ")" })])
      ]);
      c.supporters.forEach(function (p) { cols.children[0].appendChild(positionBlock(p, who(p))); });
      c.opponents.forEach(function (p) { cols.children[1].appendChild(positionBlock(p, who(p))); });
      var neutral = null;
      if (c.neutral_positions.length) {
        neutral = el("div", {}, [el("h3", { text: "Neutral (" + c.neutral_positions.length + ")" })]);
        c.neutral_positions.forEach(function (p) { neutral.appendChild(positionBlock(p, who(p))); });
      }
      show([
        el("h2", { text: c.text }),
        el("p", { className: "muted", text: "Themes: " + (c.theme_labels.join(", ") || "none") }),
        cols, neutral,
        el("p", {}, [el("a", { href: "/claims/" + encodeURIComponent(id) + "?format=jsonld", text: "JSON-LD" })])
      ]);
    }).catch(showError);
  }

  function showStakeholder(id) {
    getJSON("/stakeholders/" + encodeURIComponent(id)).then(function (s) {
      var list = el("div", {});
      s.positions.forEach(function (p) { list.appendChild(positionBlock(p, p.claim_text)); });
      show([
        el("h2", { text: stakeholderName(s) }),
        el("p", { className: "muted", text: s.kind + (s.groups.length ? " · in " + s.groups.map(function (g) { return g.label; }).join(", ") : "") +
          (s.members.length ? " · members: " + s.members.map(function (m) { return m.label; }).join(", ") : "") }),
        el("p", {}, [badge("support", s.support), badge("oppose", s.oppose), badge("neutral", s.neutral)]),
        list
      ]);
    }).catch(showError);
  }

  function fillList(ul, items, label, onPick, extra) {
    while (ul.firstChild) { ul.removeChild(ul.firstChild); }
    if (!items.length) { ul.appendChild(el("li", { className: "muted", text: "nothing found" })); return; }
    items.forEach(function (item) {
      var li = el("li", { tabindex: "0" }, [el("span", { text: label(item) })].concat(extra(item)));
      li.addEventListener("click", function () { onPick(item.id); });
      li.addEventListener("keydown", function (e) { if (e.key === "Enter") { onPick(item.id); } });
      ul.appendChild(li);
    });
  }

  function counts(item) { return [badge("support", item.support), badge("oppose", item.oppose)]; }

  function search(evt) {
    if (evt) { evt.preventDefault(); }
    var q = document.getElementById("q").value.trim();
    var theme = document.getElementById("theme").value;
    document.getElementById("claims-heading").textContent = q || theme ? "Claims" : "Most contested claims";
    getJSON("/claims?" + qs({ q: q, theme: theme, limit: 200 })).then(function (page) {
      var items = page.items.slice();
      if (!q) {
        items.sort(function (a, b) {
          return Math.min(b.support, b.oppose) - Math.min(a.support, a.oppose) ||
                 (b.support + b.oppose) - (a.support + a.oppose);
        });
      }
      fillList(document.getElementById("claims"), items.slice(0, 100), function (c) { return c.text; }, showClaim, counts);
    }).catch(showError);
    getJSON("/stakeholders?" + qs({ q: q, theme: theme, limit: 100 })).then(function (page) {
      fillList(document.getElementById("stakeholders"), page.items, stakeholderName, showStakeholder, counts);
    }).catch(showError);
  }

  getJSON("/health").then(function (h) {
    var c = h.counts;
    document.getElementById("counts").textContent = c.documents + " documents · " + c.stakeholders +
      " stakeholders · " + c.claims + " claims · " + c.positions + " positions";
  }).catch(function () {});
  getJSON("/themes?limit=1000").then(function (page) {
    var select = document.getElementById("theme");
    page.items.filter(function (t) { return t.claims > 0; }).forEach(function (t) {
      select.appendChild(el("option", { value: t.id, text: t.label + " (" + t.claims + ")" }));
    });
  }).catch(function () {});
  document.getElementById("search-form").addEventListener("submit", search);
  document.getElementById("theme").addEventListener("change", search);
  search();
})();
