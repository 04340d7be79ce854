(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var meta = DATA.meta, info = meta.nodes, classes = meta.classes;
  var N = DATA.nodes.length;
  var DIM = { background: "rgba(207,216,220,0.45)", border: "rgba(176,190,197,0.45)",
              highlight: { background: "rgba(207,216,220,0.45)", border: "#212121" } };
  var DIM_FONT = { color: "rgba(96,125,139,0.25)" };
  var baseColor = [], baseFont = [];
  DATA.nodes.forEach(function (n) { baseColor[n.id] = n.color; baseFont[n.id] = n.font; });
  var edgeEnds = DATA.edges.map(function (e) { return [e.from, e.to]; });
  var adjacency = [];
  for (var i = 0; i < N; i++) adjacency.push([]);
  DATA.edges.forEach(function (e, k) {
    adjacency[e.from].push([k, e.to, 1]);
    adjacency[e.to].push([k, e.from, -1]);
  });

  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var container = document.getElementById("mynetwork");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, DATA.options);
  window.network = network;

  var state = { hidden: new Set(), round: -1, region: -1, year: -1, highlighted: -1 };
  var visible = new Array(N).fill(true);
  var edgeVisible = new Array(DATA.edges.length).fill(true);
  var viewer = window.kgViewer = { ready: false, network: network, nodes: nodes, edges: edges, state: state };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function swatch(c) {
    var s = el("span", "kg-swatch " + c.shape);
    s.style.backgroundColor = c.color;
    return s;
  }
  function fold(s) { return String(s).normalize("NFKC").toLowerCase(); }

  // ---------------------------------------------------------------- counts and notes
  var counts = document.getElementById("kg-counts");
  function updateCounts() {
    var shownNodes = visible.filter(Boolean).length, shownEdges = edgeVisible.filter(Boolean).length;
    var text = N + " nodes · " + DATA.edges.length + " edges";
    if (shownNodes !== N) {
      text = shownNodes + "/" + N + " nodes · " + shownEdges + "/" + DATA.edges.length + " edges";
    }
    counts.textContent = text;
  }
  var note = document.getElementById("kg-note");
  note.textContent = (meta.physics
      ? "Layout refined in the browser, then physics stops; tick Physics to let it move again. "
      : "Layout computed beforehand; physics is off (graph larger than " + meta.physicsLimit + " nodes). ")
    + "Evidence sentences" + (meta.articlesShown ? "" : " and articles")
    + " are shown in tooltips and in the panel. 证据原文见提示框与详情面板。";

  // ---------------------------------------------------------------- legend and class filter
  var legend = document.getElementById("kg-legend");
  classes.forEach(function (c, ci) {
    var li = el("li"), label = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = true; box.dataset.cls = String(ci);
    box.addEventListener("change", function () {
      if (box.checked) state.hidden.delete(ci); else state.hidden.add(ci);
      applyFilters();
    });
    label.append(box, swatch(c), el("span", "kg-zh", c.zh), el("span", "kg-en", c.en),
                 el("span", "kg-count", c.count));
    li.append(label);
    legend.append(li);
  });

  // ---------------------------------------------------------------- round / region / year filters
  function fillSelect(id, all, items, text) {
    var select = document.getElementById(id);
    var first = el("option", null, all); first.value = "-1"; select.append(first);
    items.forEach(function (v) {
      var o = el("option", null, text(v)); o.value = String(v); select.append(o);
    });
    select.disabled = items.length === 0;
    return select;
  }
  var roundSel = fillSelect("kg-round", "全部 All", [], null);
  (function () {
    var group = null, label = null;
    meta.rounds.forEach(function (r, k) {
      if (meta.roundGroups[k] !== label) {
        label = meta.roundGroups[k];
        group = document.createElement("optgroup");
        group.label = label;  // an attribute set from script: text, never markup
        roundSel.append(group);
      }
      var o = el("option", null, info[r].n); o.value = String(r); group.append(o);
    });
    roundSel.disabled = meta.rounds.length === 0;
  })();
  var regionSel = fillSelect("kg-region", "全部 All", meta.regions, function (i) { return info[i].n; });
  var yearSel = fillSelect("kg-year", "全部 All", meta.years, function (y) { return y; });
  roundSel.addEventListener("change", function () { state.round = +roundSel.value; applyFilters(); });
  regionSel.addEventListener("change", function () { state.region = +regionSel.value; applyFilters(); });
  yearSel.addEventListener("change", function () { state.year = +yearSel.value; applyFilters(); });

  function passes(i) {
    var d = info[i];
    return !state.hidden.has(d.c)
      && (state.round < 0 || d.r.indexOf(state.round) >= 0)
      && (state.region < 0 || d.g.indexOf(state.region) >= 0)
      && (state.year < 0 || d.y.indexOf(state.year) >= 0);
  }
  function applyFilters() {
    var nodeUpdates = [], edgeUpdates = [];
    for (var i = 0; i < N; i++) {
      var show = passes(i);
      if (show !== visible[i]) { visible[i] = show; nodeUpdates.push({ id: i, hidden: !show }); }
    }
    for (var k = 0; k < edgeEnds.length; k++) {
      var showEdge = visible[edgeEnds[k][0]] && visible[edgeEnds[k][1]];
      if (showEdge !== edgeVisible[k]) {
        edgeVisible[k] = showEdge; edgeUpdates.push({ id: k, hidden: !showEdge });
      }
    }
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    if (state.highlighted >= 0 && !visible[state.highlighted]) clearHighlight();
    updateCounts();
    return visible.filter(Boolean).length;
  }
  function resetFilters() {
    state.hidden.clear(); state.round = state.region = state.year = -1;
    roundSel.value = regionSel.value = yearSel.value = "-1";
    legend.querySelectorAll("input").forEach(function (b) { b.checked = true; });
    applyFilters();
  }

  // ---------------------------------------------------------------- neighbourhood highlight
  var dimmed = new Set();
  function dimFont(i) {
    return Object.assign({}, DIM_FONT, baseFont[i] && baseFont[i].size ? { size: baseFont[i].size } : {});
  }
  function highlight(id) {
    var keep = new Set([id]);
    adjacency[id].forEach(function (a) { keep.add(a[1]); });
    var updates = [];
    dimmed = new Set();
    for (var i = 0; i < N; i++) {
      var on = keep.has(i);
      if (!on) dimmed.add(i);
      updates.push({ id: i, color: on ? baseColor[i] : DIM, font: on ? baseFont[i] : dimFont(i) });
    }
    nodes.update(updates);
    network.setOptions({ edges: { color: { color: "rgba(176,190,197,0.25)" },
                                  font: { color: "rgba(96,125,139,0.3)" } } });
    state.highlighted = id;
  }
  function clearHighlight() {
    if (state.highlighted < 0) return;
    var updates = [];
    for (var i = 0; i < N; i++) updates.push({ id: i, color: baseColor[i], font: baseFont[i] });
    dimmed = new Set();
    nodes.update(updates);
    network.setOptions({ edges: { color: { color: DATA.options.edges.color.color },
                                  font: { color: DATA.options.edges.font.color } } });
    state.highlighted = -1;
  }

  // The most connected nodes keep labels of about HUB_PX screen pixels at every zoom.
  var HUB_PX = 13, hubBase = {};
  meta.hubs.forEach(function (i) { hubBase[i] = baseFont[i]; });
  function sizeHubLabels() {
    var scale = network.getScale(), size = Math.max(14, Math.ceil(HUB_PX / Math.max(scale, 0.01)));
    var updates = [];
    meta.hubs.forEach(function (i) {
      baseFont[i] = Object.assign({}, hubBase[i], { size: size });
      updates.push({ id: i, font: dimmed.has(i) ? dimFont(i) : baseFont[i] });
    });
    if (updates.length) nodes.update(updates);
  }
  // focus() and fit() change the zoom without a zoom event: look after every drawing
  var sizedAt = null;
  network.on("afterDrawing", function () {
    var scale = network.getScale();
    if (sizedAt === null || Math.abs(scale - sizedAt) / sizedAt > 0.05) { sizedAt = scale; sizeHubLabels(); }
  });

  // ---------------------------------------------------------------- figures tables
  function figureTable(ids) {
    var table = el("table", "kg-figures"), head = el("tr"), body = el("tbody");
    var cols = [["指标 Measure", 0], ["数值 Value", 1], ["期间 Period", 3]];
    var order = { col: 3, dir: 1 };
    function fill() {
      var rows = ids.slice().sort(function (a, b) {
        var x = info[a].f[order.col], y = info[b].f[order.col];
        var c = (typeof x === "number" && typeof y === "number") ? x - y : String(x).localeCompare(String(y));
        return order.dir * (c || a - b);
      });
      body.replaceChildren();
      rows.forEach(function (j) {
        var tr = el("tr"), f = info[j].f;
        tr.append(el("td", null, f[0]), el("td", "kg-num", (f[1] === null ? "" : f[1]) + f[2]),
                  el("td", null, f[3]));
        tr.title = info[j].n;
        body.append(tr);
      });
    }
    cols.forEach(function (c) {
      var th = el("th", null, c[0]);
      th.addEventListener("click", function () {
        order.dir = order.col === c[1] ? -order.dir : 1; order.col = c[1]; fill();
      });
      head.append(th);
    });
    var thead = el("thead"); thead.append(head);
    table.append(thead, body);
    fill();
    return table;
  }
  var unscopedBox = document.getElementById("kg-unscoped");
  if (meta.unscoped.length) {
    unscopedBox.append(el("h2", null, "未注明范围的数据 Unscoped figures (" + meta.unscoped.length + ")"),
                       figureTable(meta.unscoped));
    unscopedBox.hidden = false;
  }

  // ---------------------------------------------------------------- details panel
  var panel = document.getElementById("kg-panel"), panelBody = document.getElementById("kg-panel-body");
  document.getElementById("kg-panel-close").addEventListener("click", function () {
    panel.hidden = true; network.unselectAll(); clearHighlight();
  });
  function nodeButton(i) {
    var b = el("button", "kg-node", info[i].n);
    b.type = "button";
    b.addEventListener("click", function () { focus(i); });
    return b;
  }
  function relName(type, dir) {
    var r = meta.rels[type] || [type, type];
    return dir > 0 ? r[0] : "←" + r[0];
  }
  function evidenceList(ids) {
    var frag = document.createDocumentFragment();
    if (!ids.length) return frag;
    frag.append(el("h3", null, "证据 Evidence (" + ids.length + ")"));
    ids.forEach(function (k) {
      var ev = meta.evidence[k];
      frag.append(el("blockquote", null, ev.t));
      var art = ev.a >= 0 ? meta.articles[ev.a] : null;
      if (art) {
        var parts = [];
        if (art.title) parts.push("《" + art.title + "》");
        if (art.publisher) parts.push(art.publisher);
        if (art.published) parts.push(art.published);
        var cite = "—— " + parts.join(" · ");
        if (ev.s !== null && ev.e !== null) cite += "  [" + ev.s + "–" + ev.e + "]";
        frag.append(el("div", "kg-cite", cite));
        // The address is shown as text only: a link would let an article choose where a click goes.
        if (art.url) frag.append(el("div", "kg-cite", art.url));
      }
    });
    return frag;
  }
  function showNode(i) {
    var d = info[i], c = classes[d.c];
    panelBody.replaceChildren();
    panelBody.append(el("h2", null, d.n));
    var line = el("div", "kg-class");
    line.append(swatch(c), el("span", null, c.zh + " " + c.en));
    panelBody.append(line);
    if (d.a.length || d.p.length) {
      var dl = el("dl");
      if (d.a.length) { dl.append(el("dt", null, "别名"), el("dd", null, d.a.join("、"))); }
      d.p.forEach(function (p) { dl.append(el("dt", null, p[0]), el("dd", null, p[1])); });
      panelBody.append(dl);
    }
    if (adjacency[i].length) {
      panelBody.append(el("h3", null, "关系 Relationships (" + adjacency[i].length + ")"));
      var ul = el("ul");
      adjacency[i].slice(0, 200).forEach(function (a) {
        var li = el("li", "kg-link");
        li.append(el("span", "kg-rel", relName(DATA.edges[a[0]].rel, a[2])), nodeButton(a[1]));
        ul.append(li);
      });
      if (adjacency[i].length > 200) ul.append(el("li", null, "… " + (adjacency[i].length - 200) + " more"));
      panelBody.append(ul);
    }
    var figs = meta.figures[String(i)] || [];
    if (figs.length) {
      panelBody.append(el("h3", null, "数据 Figures (" + figs.length + ")"), figureTable(figs));
    }
    panelBody.append(evidenceList(d.ev));
    if (d.s.length) {
      panelBody.append(el("h3", null, "来源 Sources (" + d.s.length + ")"));
      var src = el("ul");
      d.s.forEach(function (a) {
        var art = meta.articles[a];
        src.append(el("li", null, [art.title ? "《" + art.title + "》" : art.u, art.publisher, art.published]
          .filter(Boolean).join(" · ")));
      });
      panelBody.append(src);
    }
    panelBody.append(el("div", "kg-iri", d.u));
    panel.hidden = false;
  }
  function showEdge(k) {
    var e = DATA.edges[k], r = meta.rels[e.rel] || [e.rel, e.rel];
    panelBody.replaceChildren();
    panelBody.append(el("h2", null, r[0] + " " + r[1]));
    var ul = el("ul"), from = el("li", "kg-link"), to = el("li", "kg-link");
    from.append(el("span", "kg-rel", "from"), nodeButton(e.from));
    to.append(el("span", "kg-rel", "to"), nodeButton(e.to));
    ul.append(from, to);
    panelBody.append(ul, evidenceList(e.ev || []));
    panel.hidden = false;
  }

  // ---------------------------------------------------------------- search
  var haystack = info.map(function (d) { return fold([d.n].concat(d.a).join("\u0001")); });
  var names = info.map(function (d) { return fold(d.n); });
  function search(query) {
    var q = fold(query).trim();
    if (!q) return [];
    var hits = [];
    for (var i = 0; i < N; i++) if (haystack[i].indexOf(q) >= 0) hits.push(i);
    function rank(i) {
      return names[i] === q ? 0 : names[i].indexOf(q) === 0 ? 1 : names[i].indexOf(q) >= 0 ? 2 : 3;
    }
    hits.sort(function (a, b) { return rank(a) - rank(b) || names[a].length - names[b].length || a - b; });
    return hits;
  }
  var input = document.getElementById("kg-search"), results = document.getElementById("kg-results");
  var current = [];
  function showResults() {
    current = search(input.value).slice(0, 50);
    results.replaceChildren();
    current.forEach(function (i, pos) {
      var d = info[i], li = el("li", pos === 0 ? "active" : "");
      li.append(swatch(classes[d.c]), el("span", null, d.n));
      var q = fold(input.value).trim();
      var alias = d.a.filter(function (a) { return fold(a).indexOf(q) >= 0; })[0];
      if (alias && fold(d.n).indexOf(q) < 0) li.append(el("span", "kg-alias", "(" + alias + ")"));
      li.append(el("span", "kg-cls", classes[d.c].zh));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
      results.append(li);
    });
    if (input.value.trim() && !current.length) results.append(el("li", null, "无结果 No match"));
    results.hidden = !input.value.trim();
  }
  function choose(i) { results.hidden = true; focus(i); }
  input.addEventListener("input", showResults);
  input.addEventListener("focus", showResults);
  input.addEventListener("blur", function () { results.hidden = true; });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && current.length) { ev.preventDefault(); choose(current[0]); }
    if (ev.key === "Escape") { results.hidden = true; input.blur(); }
  });

  function centre(i, scale) {
    // the panel takes its place beside the canvas first, so the node lands in what stays visible
    network.setSize("100%", "100%");
    network.redraw();
    network.focus(i, { scale: scale, animation: { duration: 350, easingFunction: "easeInOutQuad" } });
  }
  function focus(i) {
    if (!visible[i]) resetFilters();
    network.selectNodes([i]);
    highlight(i);
    showNode(i);
    centre(i, Math.max(network.getScale(), N > 500 ? 0.9 : 1.1));
    return i;
  }

  document.getElementById("kg-reset").addEventListener("click", function () {
    input.value = ""; results.hidden = true; panel.hidden = true;
    network.unselectAll(); clearHighlight(); resetFilters(); network.fit();
  });

  network.on("click", function (params) {
    if (params.nodes.length) {
      highlight(params.nodes[0]); showNode(params.nodes[0]); centre(params.nodes[0], network.getScale());
    }
    else if (params.edges.length) { clearHighlight(); showEdge(params.edges[0]); }
    else { clearHighlight(); panel.hidden = true; }
  });

  var physicsBox = document.getElementById("kg-physics");
  physicsBox.checked = meta.physics;
  physicsBox.addEventListener("change", function () {
    network.setOptions({ physics: { enabled: physicsBox.checked } });
  });

  function ready() {
    if (viewer.ready) return;
    sizeHubLabels();
    viewer.ready = true;
    document.body.dataset.ready = "true";
  }
  if (meta.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      physicsBox.checked = false;
      network.fit();
      ready();
    });
  } else {
    network.once("afterDrawing", ready);
  }
  if (N === 0) ready();

  viewer.search = search;
  viewer.hubs = meta.hubs;
  viewer.focus = focus;
  viewer.highlight = highlight;
  viewer.applyFilters = function (f) {
    f = f || {};
    if (f.classes) {
      state.hidden = new Set();
      classes.forEach(function (c, ci) { if (f.classes.indexOf(c.name) < 0) state.hidden.add(ci); });
      legend.querySelectorAll("input").forEach(function (b) {
        b.checked = !state.hidden.has(+b.dataset.cls);
      });
    }
    if ("round" in f) { state.round = f.round; roundSel.value = String(f.round); }
    if ("region" in f) { state.region = f.region; regionSel.value = String(f.region); }
    if ("year" in f) { state.year = f.year; yearSel.value = String(f.year); }
    return applyFilters();
  };
  viewer.reset = resetFilters;
  viewer.visibleCount = function () { return visible.filter(Boolean).length; };
  updateCounts();
})();
