/* newsfigures viewer (extractors/views/site.py writes the pages; this is their only script).
   The index's filters over every page's rows (index/rows-N.js, loaded on the first filter);
   the search over the figures (search/terms-S.js and search/rows-K.js, loaded as a query
   needs them: extractors/views/search.py writes them and says how); a category's page sorted
   by a column; a figure's claim opened on click or Enter, and the figure a link points to
   (#q-...) scrolled to and focused. Text from the data goes into the page as text, never as
   HTML. */
(function () {
  "use strict";
  var NF = window.NF = window.NF || {};
  var chunks = {};
  var SHOWN = 500;

  // A data file is a script that hands its data to NF.<receiver>(n, data): `store` keeps it,
  // and whoever waits for it is called once it is there (or once it failed to load, with empty data).
  function loader(path, store, empty) {
    var pending = {};
    function receive(n, data) {
      store[n] = data;
      var callbacks = pending[n] || [];
      delete pending[n];
      callbacks.forEach(function (f) { f(); });
    }
    function load(n, done) {
      if (store[n]) { done(); return; }
      if (pending[n]) { pending[n].push(done); return; }
      pending[n] = [done];
      var script = document.createElement("script");
      script.src = path + n + ".js";
      script.onerror = function () { receive(n, empty()); };
      document.head.appendChild(script);
    }
    return { receive: receive, load: load };
  }

  function loadAllOf(loaderOf, numbers, done) {
    var left = numbers.length;
    if (!left) { done(); return; }
    numbers.forEach(function (n) { loaderOf.load(n, function () { if (--left === 0) done(); }); });
  }

  var indexRows = loader("index/rows-", chunks, function () { return []; });
  NF.addRows = indexRows.receive;
  var loadChunk = indexRows.load;

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

  // ---- The search (search.html).
  var terms = {}, figures = {};
  var termFiles = loader("search/terms-", terms, function () { return {}; });
  var figureFiles = loader("search/rows-", figures, function () { return { docs: [], rows: [] }; });
  NF.addTerms = termFiles.receive;
  NF.addFigures = figureFiles.receive;
  var RESULTS = 50;

  // Words as extractors/views/search.py makes them: lower case, a comma between digits dropped,
  // split at whatever is neither a letter nor a digit.
  function words(s) {
    var folded = String(s || "").toLowerCase().replace(/(\d),(\d)/g, "$1$2").replace(/(\d),(\d)/g, "$1$2");
    return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function shardOf(word, shards) {
    var points = Array.from(word);
    var a = points[0].codePointAt(0), b = points.length > 1 ? points[1].codePointAt(0) : 0;
    return (a * 2654435761 + b * 40503) % shards;
  }

  // The figures (their numbers, ascending) that hold `word`: a facet word or a word of one
  // character exactly, any other as the beginning of a word.
  function numbersOf(word, shard) {
    var keys = Object.keys(shard), found = [], exact = word.length < 2 || word.indexOf("=") >= 0;
    keys.forEach(function (key) {
      if (exact ? key !== word : key.indexOf("=") >= 0 || key.lastIndexOf(word, 0) !== 0) return;
      var n = 0;
      shard[key].forEach(function (delta) { n += delta; found.push(n); });
    });
    return found;
  }

  function initSearch() {
    var form = document.getElementById("search");
    if (!form) return;
    form.hidden = false;
    var body = document.body;
    var total = parseInt(body.getAttribute("data-figures"), 10) || 0;
    var shards = parseInt(body.getAttribute("data-shards"), 10) || 1;
    var blockSize = parseInt(body.getAttribute("data-block"), 10) || 1000;
    var optional = (body.getAttribute("data-columns") || "").split(",").filter(Boolean);
    var box = document.getElementById("s-text");
    var facets = Array.prototype.slice.call(form.querySelectorAll("select[data-facet]"));
    var count = document.getElementById("s-count");
    var list = document.getElementById("results");
    var more = document.getElementById("s-more");
    var asked = 0, matches = [], shown = 0;

    function query() {
      var all = words(box.value);
      facets.forEach(function (select) { if (select.value) all.push(select.value); });
      return all.filter(function (w, i) { return all.indexOf(w) === i; }).slice(0, 32);
    }

    function remember() {
      var parts = [];
      if (box.value) parts.push("q=" + encodeURIComponent(box.value));
      facets.forEach(function (select) {
        if (select.value) parts.push(select.getAttribute("data-facet") + "=" + encodeURIComponent(select.value));
      });
      try { history.replaceState(null, "", parts.length ? "#" + parts.join("&") : window.location.pathname); } catch (e) { /* a file:// page may refuse */ }
    }

    function recall() {
      box.value = "";
      facets.forEach(function (select) { select.value = ""; });
      window.location.hash.slice(1).split("&").forEach(function (part) {
        var at = part.indexOf("="), key = part.slice(0, at), value;
        if (at < 0) return;
        try { value = decodeURIComponent(part.slice(at + 1)); } catch (e) { return; }
        if (key === "q") box.value = value;
        facets.forEach(function (select) {
          if (select.getAttribute("data-facet") === key) select.value = value;
        });
      });
    }

    function result(row, docs) {
      // [doc, mark, text, category, measure, value, subject, aid, attributed, ...optional, before, after]
      var doc = docs[row[0]], li = element("li", "result");
      var head = element("div", "head"), kind = "cat-" + String(row[3]).replace(/[^a-z0-9_-]/g, "-");
      head.appendChild(element("span", "badge " + kind, row[3] + (row[4] ? " · " + row[4] : "")));
      head.appendChild(document.createTextNode(" "));
      var link = element("a", "figure", row[2]);
      link.setAttribute("href", "doc/" + encodeURIComponent(doc[0]) + ".html#" + encodeURIComponent(row[1]));
      head.appendChild(link);
      if (row[5]) { head.appendChild(document.createTextNode(" ")); head.appendChild(element("span", "value", row[5])); }
      li.appendChild(head);
      var tail = row.length - 2;
      if (row[tail] || row[tail + 1]) {
        var context = element("div", "context");
        context.appendChild(document.createTextNode(row[tail]));
        context.appendChild(element("mark", kind, row[2]));
        context.appendChild(document.createTextNode(row[tail + 1]));
        li.appendChild(context);
      }
      var about = [row[6], row[7], row[8] ? "attributed to " + row[8] : ""];
      optional.forEach(function (name, i) { if (row[9 + i]) about.push(name + ": " + row[9 + i]); });
      about = about.filter(Boolean);
      if (about.length) li.appendChild(element("div", "about", about.join(" · ")));
      li.appendChild(element("div", "source", (doc[1] ? doc[1] + " · " : "") + doc[2]));
      return li;
    }

    function showMore(id) {
      var next = matches.slice(shown, shown + RESULTS);
      var blocks = [];
      next.forEach(function (n) { var b = Math.floor(n / blockSize); if (blocks.indexOf(b) < 0) blocks.push(b); });
      loadAllOf(figureFiles, blocks, function () {
        if (id !== asked) return;
        next.forEach(function (n) {
          var block = figures[Math.floor(n / blockSize)], row = block.rows[n % blockSize];
          if (row) list.appendChild(result(row, block.docs));
        });
        shown += next.length;
        more.hidden = shown >= matches.length;
        list.setAttribute("data-shown", String(shown));
      });
    }

    function run() {
      var id = ++asked, wanted = query();
      remember();
      while (list.firstChild) list.removeChild(list.firstChild);
      list.removeAttribute("data-matches");
      more.hidden = true;
      matches = []; shown = 0;
      if (!wanted.length) { count.textContent = ""; return; }
      count.textContent = "Searching…";
      var needed = [];
      wanted.forEach(function (w) { var s = shardOf(w, shards); if (needed.indexOf(s) < 0) needed.push(s); });
      loadAllOf(termFiles, needed, function () {
        if (id !== asked) return;
        var hits = new Uint16Array(total), seen = new Uint8Array(total);
        wanted.forEach(function (w, i) {
          numbersOf(w, terms[shardOf(w, shards)]).forEach(function (n) {
            if (n < total && seen[n] === i) { seen[n] = i + 1; hits[n] += 1; }
          });
        });
        for (var n = 0; n < total; n++) if (hits[n] === wanted.length) matches.push(n);
        list.setAttribute("data-matches", String(matches.length));
        count.textContent = matches.length === 1 ? "1 figure matches" :
          (matches.length ? matches.length.toLocaleString("en") : "No") + " figure" + (matches.length ? "s match" : " matches");
        showMore(id);
      });
    }

    var timer = null;
    box.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
    facets.forEach(function (select) { select.addEventListener("change", run); });
    more.addEventListener("click", function () { showMore(asked); });
    window.addEventListener("hashchange", function () { recall(); run(); });  // a link to a search, Back
    recall();
    run();
  }

  // ---- A category's page: its rows sorted by a column, on a click on the column's header (a
  // button) or by the select (for a phone, whose table has no header row). A date or a value
  // sorts largest first, text from A; a second click reverses; an empty cell is always last
  // and rows that tie keep the page's order (newest first). Values are compared within a unit
  // (`data-u`): the unit of the most rows first, as the value's `data-v` says.
  function initCategory() {
    var table = document.getElementById("figures");
    var box = document.getElementById("sorts"), select = document.getElementById("sort-by");
    if (!table || !table.tHead || !box || !select) return;
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);  // as written: newest first
    var collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
    var NAMES = { date: ["newest first", "oldest first"], value: ["largest first", "smallest first"],
                  text: ["A to Z", "Z to A"] };

    function kindOf(column) { return heads[column].getAttribute("data-sort") || "text"; }
    function firstDescending(column) { return kindOf(column) !== "text"; }

    function keys(column) {
      var kind = kindOf(column), counts = {};
      var keyed = rows.map(function (row, i) {
        var cell = row.cells[column], key = { row: row, i: i };
        if (kind === "value") {
          var v = cell && cell.getAttribute("data-v");
          key.unit = cell && cell.hasAttribute("data-u") ? cell.getAttribute("data-u") : null;
          key.value = v === null || v === "" ? null : parseFloat(v);
          counts[key.unit] = (counts[key.unit] || 0) + 1;
        } else {
          key.value = cell ? cell.textContent.trim() : "";
          if (key.value === "") key.value = null;
        }
        return key;
      });
      keyed.forEach(function (key) { if (kind === "value") key.units = counts[key.unit]; });
      return keyed;
    }

    function compare(kind, descending) {
      var sign = descending ? -1 : 1;
      return function (a, b) {
        if (kind === "value") {
          if (a.units !== b.units) return b.units - a.units;  // the unit of the most rows first
          if (a.unit !== b.unit) {
            if (a.unit === null || b.unit === null) return a.unit === null ? 1 : -1;
            return a.unit < b.unit ? -1 : 1;
          }
        }
        if (a.value === null || b.value === null) {
          if (a.value !== b.value) return a.value === null ? 1 : -1;
          return a.i - b.i;
        }
        var c = kind === "text" ? collator.compare(a.value, b.value) :
          (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
        return c ? sign * c : a.i - b.i;
      };
    }

    var column = 0, descending = true;  // the order the page is written in

    function sortBy(c, d) {
      column = c; descending = d;
      var sorted = keys(c).sort(compare(kindOf(c), d));
      var fragment = document.createDocumentFragment();
      sorted.forEach(function (key) { fragment.appendChild(key.row); });
      tbody.appendChild(fragment);
      heads.forEach(function (th, i) {
        if (i === c) th.setAttribute("aria-sort", d ? "descending" : "ascending");
        else th.removeAttribute("aria-sort");
      });
      select.value = c + (d ? "-d" : "-a");
      table.setAttribute("data-sorted", select.value);
    }

    heads.forEach(function (th, i) {
      var button = element("button", "sort", th.textContent);
      button.type = "button";
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        sortBy(i, i === column ? !descending : firstDescending(i));
      });
      var kind = kindOf(i), order = firstDescending(i) ? [true, false] : [false, true];
      order.forEach(function (d) {
        var option = element("option", "", button.textContent + ", " + NAMES[kind][d === (kind === "text") ? 1 : 0]);
        option.value = i + (d ? "-d" : "-a");
        select.appendChild(option);
      });
    });
    select.addEventListener("change", function () {
      var parts = select.value.split("-");
      sortBy(parseInt(parts[0], 10), parts[1] === "d");
    });
    select.value = "0-d";
    box.hidden = false;
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
    if (kind === "search") initSearch();
    if (kind === "category") initCategory();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
