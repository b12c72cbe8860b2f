/* newsfigures viewer (extractors/site.py writes the pages; this is their only script).
   The index's filters over every page's rows (index/rows-N.js, loaded on the first filter),
   a figure's claim opened on click or Enter, and the figure a link points to (#q-...)
   scrolled to and focused. Text from the data goes into the page as text, never as HTML. */
(function () {
  "use strict";
  var NF = window.NF = window.NF || {};
  var chunks = {};
  var waiting = {};
  var SHOWN = 500;

  NF.addRows = function (n, rows) {
    chunks[n] = rows;
    var callbacks = waiting[n] || [];
    delete waiting[n];
    callbacks.forEach(function (f) { f(); });
  };

  function loadChunk(n, done) {
    if (chunks[n]) { done(); return; }
    if (waiting[n]) { waiting[n].push(done); return; }
    waiting[n] = [done];
    var script = document.createElement("script");
    script.src = "index/rows-" + n + ".js";
    script.onerror = function () { chunks[n] = []; NF.addRows(n, []); };
    document.head.appendChild(script);
  }

  function fold(s) { return (s || "").toLowerCase().replace(/\s+/g, " "); }

  function element(name, className, text) {
    var e = document.createElement(name);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function rowElement(row) {
    // [file, published, outlet, title, doc_id, full_text, [[category, n], ...]]
    var tr = document.createElement("tr");
    tr.appendChild(element("td", "date", row[1]));
    tr.appendChild(element("td", "", row[2]));
    var td = element("td", "");
    var a = element("a", "", row[3] || row[4]);
    a.setAttribute("href", "doc/" + encodeURIComponent(row[0]) + ".html");
    td.appendChild(a);
    if (!row[5]) { td.appendChild(document.createTextNode(" ")); td.appendChild(element("span", "note", "sentences only")); }
    td.appendChild(document.createElement("br"));
    td.appendChild(element("span", "docid", row[4]));
    tr.appendChild(td);
    var total = 0;
    row[6].forEach(function (c) { total += c[1]; });
    tr.appendChild(element("td", "num", String(total)));
    var counts = element("td", "counts");
    row[6].forEach(function (c, i) {
      if (i) counts.appendChild(document.createTextNode(" "));
      counts.appendChild(element("span", "badge cat-" + String(c[0]).replace(/[^a-z0-9_-]/g, "-"), c[0] + " " + c[1]));
    });
    tr.appendChild(counts);
    return tr;
  }

  function initIndex() {
    var box = document.getElementById("filters");
    var table = document.getElementById("documents");
    if (!box || !table) return;
    box.hidden = false;
    var text = document.getElementById("f-text");
    var outlet = document.getElementById("f-outlet");
    var category = document.getElementById("f-category");
    var count = document.getElementById("f-count");
    var tbody = table.tBodies[0];
    var original = Array.prototype.slice.call(tbody.children);
    var pages = parseInt(document.body.getAttribute("data-pages"), 10) || 1;
    var navs = document.querySelectorAll("nav.pages");
    var all = null;

    function loadAll(done) {
      if (all) { done(); return; }
      var n = 1;
      (function next() {
        if (n > pages) {
          if (!all) {
            all = [];
            for (var i = 1; i <= pages; i++) all = all.concat(chunks[i] || []);
          }
          done();
          return;
        }
        loadChunk(n++, next);
      })();
    }

    function show(rows) {
      while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
      rows.forEach(function (r) { tbody.appendChild(r); });
    }

    function apply() {
      var terms = fold(text.value).trim().split(" ").filter(Boolean);
      var o = outlet.value, c = category.value;
      if (!terms.length && o === "all" && c === "all") {
        show(original);
        count.textContent = "";
        navs.forEach(function (n) { n.hidden = false; });
        table.removeAttribute("data-filtered");
        return;
      }
      loadAll(function () {
        // The values may have changed while the rows loaded: read them again.
        terms = fold(text.value).trim().split(" ").filter(Boolean);
        o = outlet.value; c = category.value;
        var matches = all.filter(function (row) {
          if (o === "none" && row[2] !== "") return false;
          if (o.slice(0, 2) === "o:" && row[2] !== o.slice(2)) return false;
          if (c !== "all" && !row[6].some(function (x) { return x[0] === c; })) return false;
          var hay = fold([row[3], row[2], row[4], row[1]].join(" "));
          return terms.every(function (t) { return hay.indexOf(t) >= 0; });
        });
        show(matches.slice(0, SHOWN).map(rowElement));
        navs.forEach(function (n) { n.hidden = true; });
        table.setAttribute("data-filtered", String(matches.length));
        count.textContent = matches.length + " of " + all.length + " documents match" +
          (matches.length > SHOWN ? "; the first " + SHOWN + " shown" : "");
      });
    }

    var timer = null;
    text.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 120); });
    outlet.addEventListener("change", apply);
    category.addEventListener("change", apply);
    if (text.value || outlet.value !== "all" || category.value !== "all") apply();  // restored by the browser
  }

  var CLAIM_HREF = /^\.\.\/claims\/[0-9]+\.html#c[-A-Za-z0-9]+$/;

  function openClaim(mark) {
    var href = mark.getAttribute("data-claim");
    if (href && CLAIM_HREF.test(href)) window.location.href = href;
  }

  function focusTarget() {
    var id;
    try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (e) { return; }
    if (!/^q-[A-Za-z0-9-]+$/.test(id)) return;
    var target = document.getElementById(id);
    if (!target) return;
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  }

  function initDocument() {
    document.addEventListener("click", function (event) {
      var mark = event.target.closest ? event.target.closest("mark[data-claim]") : null;
      if (!mark) return;
      var selection = window.getSelection();
      if (selection && !selection.isCollapsed) return;  // selecting text, not opening
      openClaim(mark);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      var mark = document.activeElement;
      if (mark && mark.matches && mark.matches("mark[data-claim]")) openClaim(mark);
    });
    window.addEventListener("hashchange", focusTarget);
    focusTarget();
  }

  function init() {
    document.documentElement.setAttribute("data-viewer", "ready");  // the script ran (under the CSP)
    var kind = document.body.getAttribute("data-page");
    if (kind === "index") initIndex();
    if (kind === "document") initDocument();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
