// Timeline chart: official series as lines, quoted figures as points coloured by claimant.
// Hand-written SVG (no charting library, no network): data comes from /api/timeline.
// Untrusted text (quotes, claimants, sources) only ever goes through textContent.
"use strict";
(function () {
  var SVG_NS = "http://www.w3.org/2000/svg";
  var MARGIN = { top: 16, right: 40, bottom: 36, left: 76 };
  var POINT_RADIUS = 6;
  var CLAIMANT_COLOURS = ["#d1495b", "#2e86ab", "#edae49", "#66a182", "#8e5ea2", "#e07a5f", "#3d5a80",
    "#c17c74", "#00798c", "#6d597a"];
  var SERIES_COLOURS = ["#1d2430", "#7a8696", "#4b6584", "#a5b1c2"];
  var DAY_MS = 86400000;

  var figure = document.getElementById("chart");
  if (!figure) return;
  var svg = document.getElementById("chart-svg");
  var tooltip = document.getElementById("tooltip");
  var statusEl = document.getElementById("chart-status");
  var legend = document.getElementById("legend");
  var form = document.getElementById("timeline-form");

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG_NS, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }
  function html(tag, cls, text, parent) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }
  function ms(iso) { return Date.parse(iso + "T00:00:00Z"); }
  function fmt(n) { return n === null || n === undefined ? "" : Number(n).toLocaleString("en-US"); }
  function isoDay(t) { return new Date(t).toISOString().slice(0, 10); }

  // "Nice" value ticks (1, 2 or 5 times a power of ten) covering [lo, hi].
  function niceTicks(lo, hi, count) {
    if (hi <= lo) { hi = lo + 1; }
    var raw = (hi - lo) / count, power = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = [1, 2, 5, 10].map(function (m) { return m * power; }).find(function (s) { return s >= raw; });
    var ticks = [];
    for (var v = Math.floor(lo / step) * step; v < hi + step; v += step) {
      ticks.push(v);
      if (v >= hi) break;
    }
    return ticks;
  }

  // Date ticks on whole days, a step from DAY_STEPS that gives at most `count` labels.
  var DAY_STEPS = [1, 2, 7, 14, 30, 61, 91, 182, 365, 730];
  function dateTicks(t0, t1, count) {
    var days = (t1 - t0) / DAY_MS;
    var step = DAY_STEPS.find(function (s) { return days / s <= count; }) || Math.ceil(days / count);
    var ticks = [];
    for (var t = Math.ceil(t0 / DAY_MS) * DAY_MS; t <= t1; t += step * DAY_MS) ticks.push(t);
    return ticks;
  }

  function showTooltip(p, colour, evt) {
    tooltip.replaceChildren();
    var v = html("div", "v", (p.qualifier !== "exact" && p.qualifier !== "range" ? p.qualifier.replace("_", " ") + " " : "") +
      fmt(p.value) + (p.value_high !== null ? "–" + fmt(p.value_high) : ""), tooltip);
    v.style.color = colour;
    html("div", "", p.claimant + " · " + p.date, tooltip);
    html("div", "", "in " + (p.source || "unknown source"), tooltip);
    html("div", "q", "“" + p.quote + "”", tooltip);
    tooltip.hidden = false;
    var box = figure.getBoundingClientRect();
    var x = evt.clientX - box.left + 14, y = evt.clientY - box.top + 14;
    if (x + 360 > box.width) x = Math.max(4, x - 380);
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }

  function draw(data) {
    svg.replaceChildren();
    legend.replaceChildren();
    tooltip.hidden = true;
    var all = [];
    data.series.forEach(function (s) { s.points.forEach(function (p) { all.push(p); }); });
    data.points.forEach(function (p) { all.push(p); });
    if (!all.length) {
      var other = Object.keys(data.not_plotted).map(function (k) { return data.not_plotted[k] + " " + k; });
      statusEl.textContent = "No " + data.mode + " figures for " + data.subject + " × " +
        data.category.replace(/_/g, " ") + " in this ledger." +
        (other.length ? " Not plotted here: " + other.join(", ") + " (see the claims table)." : "");
      statusEl.hidden = false;
      return;
    }
    statusEl.hidden = true;
    var width = svg.clientWidth || 900, height = svg.clientHeight || 460;
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    var times = all.map(function (p) { return ms(p.date); });
    var t0 = Math.min.apply(null, times), t1 = Math.max.apply(null, times);
    // Half a day of room each side keeps the first and last points and labels inside the plot.
    t0 -= DAY_MS / 2; t1 += DAY_MS / 2;
    var maxV = Math.max.apply(null, all.map(function (p) { return p.value_high || p.value; }));
    // Daily figures start at zero; running totals are read against each other, so their axis
    // spans only their range (a 1,000-a-day rise in a total of 390,000 stays visible).
    var minV = data.mode === "cumulative" ? Math.min.apply(null, all.map(function (p) { return p.value; })) : 0;
    if (data.mode === "cumulative") { var pad = Math.max((maxV - minV) * 0.1, maxV * 0.001, 1); minV = Math.max(0, minV - pad); maxV += pad; }
    var yTicks = niceTicks(minV, maxV, 5), yMin = yTicks[0], yMax = yTicks[yTicks.length - 1];
    var plotW = width - MARGIN.left - MARGIN.right, plotH = height - MARGIN.top - MARGIN.bottom;
    function x(t) { return MARGIN.left + (t - t0) / (t1 - t0) * plotW; }
    function y(v) { return MARGIN.top + plotH - (v - yMin) / (yMax - yMin) * plotH; }

    var grid = el("g", { "class": "grid" }, svg), axis = el("g", { "class": "axis" }, svg);
    yTicks.forEach(function (v) {
      el("line", { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(v), y2: y(v) }, grid);
      var label = el("text", { x: MARGIN.left - 8, y: y(v) + 4, "text-anchor": "end" }, axis);
      label.textContent = fmt(v);
    });
    dateTicks(t0, t1, Math.max(2, Math.floor(plotW / 110))).forEach(function (t) {
      el("line", { x1: x(t), x2: x(t), y1: MARGIN.top + plotH, y2: MARGIN.top + plotH + 5 }, axis);
      var lbl = el("text", { x: x(t), y: height - 12, "text-anchor": "middle" }, axis);
      lbl.textContent = isoDay(t);
    });
    el("line", { x1: MARGIN.left, x2: width - MARGIN.right, y1: MARGIN.top + plotH, y2: MARGIN.top + plotH }, axis);

    data.series.forEach(function (s, i) {
      var colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
      var d = s.points.map(function (p, j) { return (j ? "L" : "M") + x(ms(p.date)).toFixed(1) + "," + y(p.value).toFixed(1); }).join("");
      el("path", { d: d, fill: "none", stroke: colour, "stroke-width": 2, "class": "series-line" }, svg);
      var key = html("span", "key", null, legend);
      html("span", "swatch line", null, key).style.background = colour;
      html("span", "", s.source + " (series)", key);
    });

    var colours = {}, order = [];
    data.points.forEach(function (p) {
      if (!(p.claimant in colours)) {
        colours[p.claimant] = CLAIMANT_COLOURS[order.length % CLAIMANT_COLOURS.length];
        order.push(p.claimant);
      }
    });
    var layer = el("g", { "class": "points" }, svg);
    data.points.forEach(function (p) {
      var colour = colours[p.claimant], cx = x(ms(p.date));
      if (p.value_high !== null) {
        el("line", { x1: cx, x2: cx, y1: y(p.value), y2: y(p.value_high), stroke: colour, "stroke-width": 2 }, layer);
      }
      var c = el("circle", { cx: cx, cy: y(p.value), r: POINT_RADIUS, fill: colour, "class": "point", tabindex: 0,
        "data-claim": p.claim_id }, layer);
      var title = el("title", {}, c);
      title.textContent = fmt(p.value) + " — " + p.claimant;
      function open() { if (p.doc_hash) window.location.href = "/documents/" + encodeURIComponent(p.doc_hash) + "#span-" + encodeURIComponent(p.claim_id); }
      c.addEventListener("mouseenter", function (evt) { showTooltip(p, colour, evt); });
      c.addEventListener("mousemove", function (evt) { showTooltip(p, colour, evt); });
      c.addEventListener("mouseleave", function () { tooltip.hidden = true; });
      c.addEventListener("focus", function () {
        var r = c.getBoundingClientRect();
        showTooltip(p, colour, { clientX: r.right, clientY: r.bottom });
      });
      c.addEventListener("blur", function () { tooltip.hidden = true; });
      c.addEventListener("click", open);
      c.addEventListener("keydown", function (evt) { if (evt.key === "Enter") open(); });
    });
    order.forEach(function (name) {
      var key = html("span", "key", null, legend);
      html("span", "swatch", null, key).style.background = colours[name];
      html("span", "", name, key);
    });
    if (data.truncated) html("span", "key", "(first " + data.points.length + " points shown)", legend);
  }

  function load() {
    var params = new URLSearchParams({ subject: figure.dataset.subject, category: figure.dataset.category,
      mode: figure.dataset.mode });
    statusEl.textContent = "Loading…";
    statusEl.hidden = false;
    fetch("/api/timeline?" + params.toString(), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (body) {
        if (!body.ok) { svg.replaceChildren(); statusEl.textContent = body.error.message; return; }
        draw(body);
        figure.dataset.ready = "true";
      })
      .catch(function () { statusEl.textContent = "Could not load the timeline."; });
  }

  // The daily / cumulative toggle redraws in place and keeps the URL shareable.
  if (form) {
    form.querySelectorAll("input[name=mode]").forEach(function (radio) {
      radio.addEventListener("change", function () {
        figure.dataset.mode = radio.value;
        var url = new URL(window.location.href);
        url.searchParams.set("subject", figure.dataset.subject);
        url.searchParams.set("category", figure.dataset.category);
        url.searchParams.set("mode", radio.value);
        window.history.replaceState(null, "", url.toString());
        load();
      });
    });
  }
  window.addEventListener("resize", function () { if (figure.dataset.ready) load(); });
  if (figure.dataset.subject) load(); else statusEl.textContent = "The ledger has no claims yet.";
})();
