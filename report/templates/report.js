// seams report: cards, context-map highlighting, member trees, search.
// Everything from the analysed code is set with textContent, never as
// HTML; the page's data comes from the JSON block #seams-data.
(function () {
  "use strict";
  var doc = document;
  doc.documentElement.classList.add("js");
  var data = JSON.parse(doc.getElementById("seams-data").textContent);
  var cands = data.candidates || [];
  var cards = doc.querySelectorAll("article.card");
  var SMALL = 8; // reports with at most this many candidates open every card

  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  // Cards.
  function setOpen(card, open) {
    card.classList.toggle("open", open);
    var b = card.querySelector(".card-toggle");
    if (b) { b.setAttribute("aria-expanded", open ? "true" : "false"); }
  }
  Array.prototype.forEach.call(cards, function (card) {
    setOpen(card, cards.length <= SMALL);
    card.querySelector(".card-toggle").addEventListener("click", function () {
      setOpen(card, !card.classList.contains("open"));
    });
  });
  function allCards(open) { Array.prototype.forEach.call(cards, function (c) { setOpen(c, open); }); }
  var b = doc.getElementById("cards-open");
  if (b) { b.addEventListener("click", function () { allCards(true); }); }
  b = doc.getElementById("cards-close");
  if (b) { b.addEventListener("click", function () { allCards(false); }); }

  var flashed = null;
  function flash(e) {
    if (flashed) { flashed.classList.remove("flash"); }
    flashed = e;
    e.classList.add("flash");
  }

  // showCard opens a candidate's card, scrolls to it and marks it.
  function showCard(card) {
    setOpen(card, true);
    flash(card);
    card.scrollIntoView({ block: "start" });
    var t = card.querySelector(".card-toggle");
    if (t) { t.focus({ preventScroll: true }); }
  }

  function route() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    if (!id) { return; }
    var target = doc.getElementById(id);
    if (!target) { return; }
    if (target.classList.contains("card")) { showCard(target); }
    else if (target.tagName === "TR") { flash(target); }
  }
  window.addEventListener("hashchange", route);

  // Links to the current fragment do not fire hashchange: route anyway.
  doc.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a") : null;
    if (!a) { return; }
    var href = a.getAttribute("href");
    if (href && href.charAt(0) === "#" && href === location.hash) { route(); }
  });

  // Context map: hover or focus a candidate to highlight its neighbours.
  var map = doc.getElementById("map");
  if (map) {
    var nodes = {}, adj = {};
    Array.prototype.forEach.call(map.querySelectorAll("g.node"), function (g) {
      var m = /^cm-c(\d+)$/.exec(g.id);
      if (m) { nodes[m[1]] = g; adj[m[1]] = []; }
    });
    Array.prototype.forEach.call(map.querySelectorAll("g.edge"), function (g) {
      var m = /^cm-e(\d+)-(\d+)$/.exec(g.id);
      if (!m || !adj[m[1]] || !adj[m[2]]) { return; }
      adj[m[1]].push([m[2], g]);
      adj[m[2]].push([m[1], g]);
    });
    var lit = [];
    var clear = function () {
      map.classList.remove("hl");
      lit.forEach(function (g) { g.classList.remove("on"); });
      lit = [];
    };
    var light = function (i) {
      clear();
      map.classList.add("hl");
      var on = function (g) { g.classList.add("on"); lit.push(g); };
      on(nodes[i]);
      adj[i].forEach(function (p) { on(nodes[p[0]]); on(p[1]); });
    };
    Object.keys(nodes).forEach(function (i) {
      var g = nodes[i];
      g.addEventListener("mouseenter", function () { light(i); });
      g.addEventListener("mouseleave", clear);
      g.addEventListener("focusin", function () { light(i); });
      g.addEventListener("focusout", clear);
    });
    var zoom = doc.getElementById("map-zoom");
    if (zoom) {
      zoom.addEventListener("click", function () {
        var actual = map.classList.toggle("actual");
        zoom.setAttribute("aria-pressed", actual ? "true" : "false");
        zoom.textContent = actual ? "Fit to width" : "Actual size";
      });
    }
  }

  // Member trees, built when first opened: packages → files → classes.
  function buildTree(details) {
    var box = details.querySelector(".tree");
    if (box.childNodes.length) { return box; }
    var c = cands[+details.getAttribute("data-cand")];
    if (!c) { return box; }
    c.p.forEach(function (pkg) {
      var d = el("details");
      d.setAttribute("role", "treeitem");
      var s = el("summary", null, pkg.n + " ");
      s.appendChild(el("span", "lines", pkg.f.length + (pkg.f.length === 1 ? " file" : " files")));
      d.appendChild(s);
      var ul = el("ul");
      pkg.f.forEach(function (f) {
        var li = el("li");
        li.setAttribute("data-path", f[0]);
        var slash = f[0].lastIndexOf("/");
        var name = el("span", "file", f[0].slice(slash + 1));
        name.title = f[0];
        li.appendChild(name);
        li.appendChild(el("span", "lines", f[1] + " lines"));
        if (f[2].length) {
          var cl = el("div", "cls", f[2].join(", "));
          li.appendChild(cl);
        }
        ul.appendChild(li);
      });
      d.appendChild(ul);
      box.appendChild(d);
    });
    return box;
  }
  Array.prototype.forEach.call(doc.querySelectorAll("details.members"), function (d) {
    d.addEventListener("toggle", function () { if (d.open) { buildTree(d); } });
  });
  // Package diagrams, cloned from their template when first opened.
  Array.prototype.forEach.call(doc.querySelectorAll("details.internals"), function (d) {
    d.addEventListener("toggle", function () {
      var t = d.querySelector("template"), slot = d.querySelector(".slot");
      if (d.open && t && slot && !slot.childNodes.length) { slot.appendChild(t.content.cloneNode(true)); }
    });
  });

  // revealFile opens a candidate's card and member tree at a file.
  function revealFile(ci, path) {
    var card = cards[ci];
    if (!card) { return; }
    setOpen(card, true);
    var det = card.querySelector("details.members");
    det.open = true;
    var box = buildTree(det);
    var lis = box.querySelectorAll("li[data-path]");
    for (var i = 0; i < lis.length; i++) {
      if (lis[i].getAttribute("data-path") === path) {
        var li = lis[i];
        li.closest("details").open = true;
        var old = box.querySelector(".hit");
        if (old) { old.classList.remove("hit"); }
        li.classList.add("hit");
        flash(card);
        li.scrollIntoView({ block: "center" });
        return;
      }
    }
    showCard(card);
  }

  // Search over types, files and tables. The index is built on the
  // first search, so that opening the page does not wait for it.
  var index = null;
  function buildIndex() {
    index = [];
    cands.forEach(function (c, ci) {
      c.p.forEach(function (pkg) {
        pkg.f.forEach(function (f) {
          var slash = f[0].lastIndexOf("/");
          index.push({ k: "file", n: f[0].slice(slash + 1), full: f[0], c: ci, path: f[0] });
          f[2].forEach(function (cl) {
            var dot = cl.lastIndexOf(".");
            index.push({ k: "type", n: cl.slice(dot + 1), full: pkg.n + "." + cl, c: ci, path: f[0] });
          });
        });
      });
    });
    (data.tables || []).forEach(function (t, ti) {
      index.push({ k: "table", n: t[0], full: t[0], c: t[1], t: ti });
    });
    index.forEach(function (e) { e.ln = e.n.toLowerCase(); e.lf = e.full.toLowerCase(); });
  }

  var input = doc.getElementById("search-input");
  var panel = doc.getElementById("search-panel");
  var list = doc.getElementById("search-results");
  var status = doc.getElementById("search-status");
  var MAX = 40;
  function go(e) {
    panel.hidden = true;
    if (e.k === "table") {
      location.hash = "#table-" + e.t;
      route();
    } else {
      revealFile(e.c, e.path);
    }
  }
  function search() {
    var q = input.value.trim().toLowerCase();
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (!q) { panel.hidden = true; return; }
    if (!index) { buildIndex(); }
    var hits = [];
    index.forEach(function (e) {
      var s = e.ln === q ? 4 : e.ln.indexOf(q) === 0 ? 3 : e.ln.indexOf(q) >= 0 ? 2 : e.lf.indexOf(q) >= 0 ? 1 : 0;
      if (s) { hits.push([s, e]); }
    });
    hits.sort(function (a, b) {
      return b[0] - a[0] || a[1].n.length - b[1].n.length || (a[1].full < b[1].full ? -1 : a[1].full > b[1].full ? 1 : 0);
    });
    status.textContent = hits.length === 0 ? "No match." :
      hits.length + (hits.length === 1 ? " match" : " matches") + (hits.length > MAX ? ", showing the first " + MAX : "") + ".";
    hits.slice(0, MAX).forEach(function (h) {
      var e = h[1];
      var li = el("li");
      var btn = el("button", "hit-" + e.k);
      btn.type = "button";
      btn.appendChild(el("span", "kind", e.k));
      btn.appendChild(el("span", "name", e.n));
      var where = e.k === "table" ? (e.c >= 0 && cands[e.c] ? "owned by " + cands[e.c].n : "no owner") :
        (cands[e.c] ? cands[e.c].n + " · " : "") + e.full;
      btn.appendChild(el("span", "where", where));
      btn.addEventListener("click", function () { go(e); });
      btn.addEventListener("keydown", function (ev) {
        var n = ev.key === "ArrowDown" ? li.nextSibling : ev.key === "ArrowUp" ? li.previousSibling : null;
        if (n) { n.firstChild.focus(); ev.preventDefault(); }
        else if (ev.key === "ArrowUp") { input.focus(); ev.preventDefault(); }
        else if (ev.key === "Escape") { panel.hidden = true; input.focus(); }
      });
      li.appendChild(btn);
      list.appendChild(li);
    });
    panel.hidden = false;
  }
  var timer = 0;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 60); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { search(); var f = list.querySelector("button"); if (f) { f.click(); } ev.preventDefault(); }
    else if (ev.key === "ArrowDown") { var g = list.querySelector("button"); if (g) { g.focus(); ev.preventDefault(); } }
    else if (ev.key === "Escape") { panel.hidden = true; }
  });
  input.addEventListener("focus", function () { if (list.firstChild) { panel.hidden = false; } });
  doc.addEventListener("click", function (ev) {
    if (!panel.hidden && !ev.target.closest(".search")) { panel.hidden = true; }
  });

  // Printing the roadmap alone.
  var pr = doc.getElementById("print-roadmap");
  if (pr) {
    pr.addEventListener("click", function () {
      doc.body.classList.add("print-roadmap");
      window.print();
    });
    window.addEventListener("afterprint", function () { doc.body.classList.remove("print-roadmap"); });
  }

  route();
  doc.documentElement.setAttribute("data-ready", "1");
  if (window.performance && performance.mark) { performance.mark("seams-ready"); }
})();
