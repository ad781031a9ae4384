// The SPARQL editor: posts the query form-encoded and shows the results with textContent only.
(function () {
  "use strict";
  var EXAMPLES = {
    "Positions per stakeholder": document.getElementById("query").value,
    "Contested claims": "SELECT ?claim ?text (COUNT(DISTINCT ?s) AS ?supporters) (COUNT(DISTINCT ?o) AS ?opponents)\nWHERE {\n  ?claim a sg:Claim ; schema:text ?text .\n  ?ps sg:onClaim ?claim ; sg:stance sg:Support ; sg:heldBy ?s .\n  ?po sg:onClaim ?claim ; sg:stance sg:Oppose ; sg:heldBy ?o .\n}\nGROUP BY ?claim ?text\nORDER BY DESC(?opponents)\nLIMIT 20",
    "Quotes on a theme": "SELECT ?who ?stance ?quote\nWHERE {\n  ?theme skos:prefLabel \"Pay and conditions\" .\n  ?claim dcterms:subject ?theme .\n  ?p sg:onClaim ?claim ; sg:heldBy/rdfs:label ?who ; sg:stance ?stance ; sg:evidence/oa:exact ?quote .\n}\nLIMIT 50",
    "Theme tree": "SELECT ?theme ?label ?broader\nWHERE {\n  ?theme a sg:Theme ; skos:prefLabel ?label .\n  OPTIONAL { ?theme skos:broader/skos:prefLabel ?broader }\n}\nORDER BY ?broader ?label",
    "Describe a claim": "CONSTRUCT { ?claim ?p ?o }\nWHERE { ?claim a sg:Claim ; ?p ?o }\nLIMIT 30"
  };
  var box = document.getElementById("examples");
  Object.keys(EXAMPLES).forEach(function (name) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = name;
    b.addEventListener("click", function () { document.getElementById("query").value = EXAMPLES[name]; });
    box.appendChild(b);
  });
  var results = document.getElementById("results");
  var status = document.getElementById("status");
  function clear() { while (results.firstChild) { results.removeChild(results.firstChild); } }
  function cell(tag, text) { var c = document.createElement(tag); c.textContent = text; return c; }

  function table(data) {
    var t = document.createElement("table");
    var head = document.createElement("tr");
    var vars = (data.head && data.head.vars) || [];
    if (data.boolean !== undefined) { t.appendChild(cell("caption", "ASK: " + data.boolean)); return t; }
    vars.forEach(function (v) { head.appendChild(cell("th", v)); });
    t.appendChild(head);
    data.results.bindings.forEach(function (row) {
      var tr = document.createElement("tr");
      vars.forEach(function (v) { tr.appendChild(cell("td", row[v] ? row[v].value : "")); });
      t.appendChild(tr);
    });
    return t;
  }

  document.getElementById("sparql-form").addEventListener("submit", function (evt) {
    evt.preventDefault();
    var query = document.getElementById("query").value;
    var format = document.getElementById("format").value;
    status.textContent = "running…";
    var started = performance.now();
    fetch("/sparql?format=" + encodeURIComponent(format), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "query=" + encodeURIComponent(query)
    }).then(function (r) {
      var type = r.headers.get("content-type") || "";
      return (type.indexOf("json") >= 0 ? r.json() : r.text()).then(function (body) { return [r, type, body]; });
    }).then(function (parts) {
      var r = parts[0], type = parts[1], body = parts[2];
      clear();
      status.textContent = r.status + " · " + Math.round(performance.now() - started) + " ms";
      if (!r.ok) { results.appendChild(cell("pre", (body && body.detail) || String(body))); return; }
      if (type.indexOf("sparql-results+json") >= 0) {
        results.appendChild(table(body));
        if (body.results) { status.textContent += " · " + body.results.bindings.length + " rows"; }
      } else {
        results.appendChild(cell("pre", typeof body === "string" ? body : JSON.stringify(body, null, 2)));
      }
    }).catch(function (err) { clear(); status.textContent = "failed: " + err.message; });
  });
})();
