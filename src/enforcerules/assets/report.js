/* enforcerules HTML report. Every data string goes into the page with textContent; never as HTML. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("report-data").textContent);
  var lang = D.meta.lang === "en" ? "en" : "zh";
  var PAGE = 50;
  var statusIdx = {};
  D.statuses.forEach(function (s, i) { statusIdx[s.code] = i; });
  var ruleIdx = {};
  D.rules.rule_id.forEach(function (r, i) { ruleIdx[r] = i; });

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function t(zh, en) { return lang === "zh" ? zh : en; }
  function statusLabel(code) { var s = D.statuses[statusIdx[code]]; return lang === "zh" ? s.zh : s.en; }
  function pct(x) { return x === null || x === undefined ? "–" : (x * 100).toFixed(1) + "%"; }
  function ruleTitle(i) { return lang === "zh" ? D.rules.title_zh[i] : D.rules.title_en[i]; }
  function statusChip(code) {
    var s = el("span", { "class": "status" }, statusLabel(code));
    s.style.background = D.statuses[statusIdx[code]].colour;
    return s;
  }

  /* A paged, sortable table over row indices; columns: {zh, en, get(i), show(i) -> node|string, num}. */
  function Table(host, columns, rows) {
    this.host = host; this.columns = columns; this.all = rows; this.rows = rows.slice();
    this.page = 0; this.sortCol = -1; this.desc = false;
  }
  Table.prototype.setRows = function (rows) { this.all = rows; this.applySort(); this.page = 0; this.draw(); };
  Table.prototype.applySort = function () {
    var rows = this.all.slice();
    if (this.sortCol >= 0) {
      var get = this.columns[this.sortCol].get, sign = this.desc ? -1 : 1;
      rows.sort(function (a, b) {
        var x = get(a), y = get(b);
        if (x === y) return a - b;
        if (x === null || x === undefined) return 1;
        if (y === null || y === undefined) return -1;
        return (x < y ? -1 : 1) * sign;
      });
    }
    this.rows = rows;
  };
  Table.prototype.draw = function () {
    var self = this;
    var table = el("table"), thead = el("thead"), hr = el("tr");
    this.columns.forEach(function (c, j) {
      var th = el("th", { scope: "col" }, t(c.zh, c.en));
      if (j === self.sortCol) th.setAttribute("aria-sort", self.desc ? "descending" : "ascending");
      th.addEventListener("click", function () {
        if (self.sortCol === j) self.desc = !self.desc; else { self.sortCol = j; self.desc = !!c.num; }
        self.applySort(); self.page = 0; self.draw();
      });
      hr.appendChild(th);
    });
    thead.appendChild(hr); table.appendChild(thead);
    var tbody = el("tbody");
    var pages = Math.max(1, Math.ceil(this.rows.length / PAGE));
    if (this.page >= pages) this.page = pages - 1;
    var start = this.page * PAGE, end = Math.min(this.rows.length, start + PAGE);
    for (var k = start; k < end; k++) {
      var i = this.rows[k], tr = el("tr");
      this.columns.forEach(function (c) {
        var td = el("td", c.num ? { "class": "num" } : null);
        var v = c.show ? c.show(i) : c.get(i);
        if (v instanceof Node) td.appendChild(v); else td.textContent = v === null || v === undefined ? "" : String(v);
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    }
    table.appendChild(tbody);
    var pager = el("div", { "class": "pager" });
    var prev = el("button", { type: "button" }, t("上一页", "previous"));
    var next = el("button", { type: "button" }, t("下一页", "next"));
    prev.disabled = this.page === 0; next.disabled = this.page >= pages - 1;
    prev.addEventListener("click", function () { self.page--; self.draw(); });
    next.addEventListener("click", function () { self.page++; self.draw(); });
    pager.appendChild(prev);
    pager.appendChild(el("span", { "class": "page-info" },
      t("第 " + (this.page + 1) + " / " + pages + " 页，共 " + this.rows.length + " 条",
        "page " + (this.page + 1) + " of " + pages + ", " + this.rows.length + " rows")));
    pager.appendChild(next);
    this.host.textContent = "";
    this.host.appendChild(table);
    this.host.appendChild(pager);
    this.host.setAttribute("data-rows", String(this.rows.length));
  };

  function range(n) { var a = new Array(n); for (var i = 0; i < n; i++) a[i] = i; return a; }
  function countCols(T) {
    return D.statuses.map(function (s) {
      return { zh: s.zh, en: s.en, num: true, get: function (i) { return T[s.code][i]; } };
    }).concat([
      { zh: "合计", en: "total", num: true, get: function (i) { return T.total[i]; } },
      { zh: "合规率", en: "compliance rate", num: true, get: function (i) { return T.compliance_rate[i]; },
        show: function (i) { return pct(T.compliance_rate[i]); } }
    ]);
  }
  function named(name, id) {
    var span = el("span");
    span.appendChild(document.createTextNode(name || id || "–"));
    if (name && id) { span.appendChild(el("br")); span.appendChild(el("span", { "class": "sub" }, id)); }
    return span;
  }

  /* ---- tables ---- */
  var U = D.units, R = D.regions, F = D.findings;
  var unitsTable = new Table(document.getElementById("units-table"), [
    { zh: "单位", en: "unit", get: function (i) { return U.unit_name[i] || U.unit[i]; }, show: function (i) { return named(U.unit_name[i], U.unit[i]); } },
    { zh: "地区", en: "region", get: function (i) { return U.region[i]; } }
  ].concat(countCols(U)), range(U.unit.length));
  var regionsTable = new Table(document.getElementById("regions-table"), [
    { zh: "地区", en: "region", get: function (i) { return R.region_name[i] || R.region[i]; }, show: function (i) { return named(R.region_name[i], R.region[i]); } },
    { zh: "层级", en: "level", get: function (i) { return R.level[i]; } }
  ].concat(countCols(R)), range(R.region.length));
  var findingsTable = new Table(document.getElementById("findings-table"), [
    { zh: "结论", en: "status", get: function (i) { return statusIdx[F.status[i]]; }, show: function (i) { return statusChip(F.status[i]); } },
    { zh: "规则", en: "rule", get: function (i) { return F.rule_id[i]; },
      show: function (i) { var r = ruleIdx[F.rule_id[i]]; return named(D.rules.clause[r] + " " + ruleTitle(r), F.rule_id[i]); } },
    { zh: "对象", en: "subject", get: function (i) { return F.subject_name[i] || F.subject[i]; }, show: function (i) { return named(F.subject_name[i], F.subject[i]); } },
    { zh: "单位", en: "unit", get: function (i) { return F.unit_name[i] || F.unit[i]; }, show: function (i) { return F.unit[i] ? named(F.unit_name[i], F.unit[i]) : "–"; } },
    { zh: "期间", en: "period", get: function (i) { return F.period[i]; } },
    { zh: "期限", en: "due", get: function (i) { return F.due[i]; } },
    { zh: "说明", en: "explanation", get: function (i) { return lang === "zh" ? F.zh[i] : F.en[i]; },
      show: function (i) {
        var span = el("span", null, lang === "zh" ? F.zh[i] : F.en[i]);
        var remedy = lang === "zh" ? F.remedy_zh[i] : F.remedy_en[i];
        if (remedy) { span.appendChild(el("br")); span.appendChild(el("span", { "class": "sub" }, "→ " + remedy)); }
        return span;
      } }
  ], range(F.status.length));
  var rejectionsTable = new Table(document.getElementById("rejections-table"), [
    { zh: "位置", en: "location", get: function (i) { return D.rejections[i].location; } },
    { zh: "原因", en: "reason", get: function (i) { return D.rejections[i].reason; } },
    { zh: "值", en: "value", get: function (i) { return JSON.stringify(D.rejections[i].value); } },
    { zh: "应为", en: "expected", get: function (i) { return D.rejections[i].expected; } }
  ], range(D.rejections.length));

  function fillSelect(sel, allZh, allEn, options) {
    var keep = sel.value;
    sel.textContent = "";
    sel.appendChild(el("option", { value: "" }, t(allZh, allEn)));
    options.forEach(function (o) { sel.appendChild(el("option", { value: o[0] }, o[1])); });
    sel.value = keep;
  }
  var fStatus = document.getElementById("f-status"), fRule = document.getElementById("f-rule");
  var fUnit = document.getElementById("f-unit"), fText = document.getElementById("f-text");
  function fillFilters() {
    fillSelect(fStatus, "全部结论", "all statuses", D.statuses.filter(function (s) { return D.counts[s.code] > 0; })
      .map(function (s) { return [s.code, (lang === "zh" ? s.zh : s.en) + " (" + D.counts[s.code] + ")"]; }));
    fillSelect(fRule, "全部规则", "all rules", D.rules.rule_id.map(function (r, i) { return [r, D.rules.clause[i] + " " + ruleTitle(i)]; }));
    fillSelect(fUnit, "全部单位", "all units", U.unit.map(function (u, i) { return [u, (U.unit_name[i] || u)]; }));
  }
  function filterFindings() {
    var s = fStatus.value, r = fRule.value, u = fUnit.value, q = fText.value.trim().toLowerCase();
    var n = F.status.length, out = [];
    for (var i = 0; i < n; i++) {
      if (s && F.status[i] !== s) continue;
      if (r && F.rule_id[i] !== r) continue;
      if (u && F.unit[i] !== u) continue;
      if (q) {
        var hay = (F.subject[i] + " " + (F.subject_name[i] || "") + " " + (F.unit_name[i] || "") + " " + F.zh[i] + " " + F.en[i]).toLowerCase();
        if (hay.indexOf(q) < 0) continue;
      }
      out.push(i);
    }
    findingsTable.setRows(out);
  }
  [fStatus, fRule, fUnit].forEach(function (x) { x.addEventListener("change", filterFindings); });
  var timer = null;
  fText.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(filterFindings, 150); });
  var unitSearch = document.getElementById("unit-search");
  unitSearch.addEventListener("input", function () {
    var q = unitSearch.value.trim().toLowerCase();
    unitsTable.setRows(range(U.unit.length).filter(function (i) {
      return !q || ((U.unit_name[i] || "") + " " + U.unit[i] + " " + (U.region[i] || "")).toLowerCase().indexOf(q) >= 0;
    }));
  });

  function drawRules() {
    var host = document.getElementById("rules");
    host.textContent = "";
    D.rules.rule_id.forEach(function (r, i) {
      var div = el("div", { "class": "rule", id: "rule-" + i });
      var head = el("div");
      head.appendChild(el("span", { "class": "cite" }, D.rules.document[i] + " " + D.rules.clause[i]));
      head.appendChild(document.createTextNode(" " + ruleTitle(i) + " "));
      head.appendChild(el("span", { "class": "sub" }, r));
      div.appendChild(head);
      div.appendChild(el("blockquote", null, "「" + D.rules.quote[i] + "」"));
      host.appendChild(div);
    });
  }

  function drawHeader() {
    document.getElementById("title").textContent = t("提升行政执法质量评估报告 · ", "Law-enforcement quality report · ") + D.meta.jurisdiction;
    document.getElementById("meta").textContent = t("评估日 ", "as of ") + D.meta.as_of + " · " + t("规则库 ", "rulebook ") + D.meta.digest.slice(0, 12);
    document.getElementById("notice").textContent = lang === "zh" ? D.meta.notice_zh : D.meta.notice_en;
    document.getElementById("lang").textContent = lang === "zh" ? "English" : "中文";
    var cards = document.getElementById("cards");
    cards.textContent = "";
    D.statuses.forEach(function (s) {
      var c = el("div", { "class": "card" });
      c.style.setProperty("--c", s.colour);
      c.appendChild(el("b", null, D.counts[s.code]));
      c.appendChild(document.createTextNode(lang === "zh" ? s.zh : s.en));
      cards.appendChild(c);
    });
    document.querySelectorAll("[data-zh]").forEach(function (n) { n.textContent = n.getAttribute("data-" + lang); });
    document.querySelectorAll("[data-ph-zh]").forEach(function (n) { n.setAttribute("placeholder", n.getAttribute("data-ph-" + lang)); });
    document.getElementById("rejections-section").style.display = D.rejections.length ? "" : "none";
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }

  /* ---- charts (ECharts; rich-text tooltips are drawn on the canvas, never parsed as HTML) ---- */
  var charts = [];
  var pending = 0;
  function chartDone() {
    pending--;
    if (pending <= 0) document.documentElement.setAttribute("data-charts", "rendered");
  }
  function makeChart(id, option, empty) {
    var host = document.getElementById(id);
    if (empty) {
      host.textContent = "";
      host.appendChild(el("div", { "class": "chart-empty" }, t("没有可作图的数据", "nothing to chart")));
      host.setAttribute("data-chart", "empty");
      return;
    }
    var chart = echarts.getInstanceByDom(host) || echarts.init(host, null, { renderer: "canvas" });
    pending++;
    chart.off("finished");
    chart.on("finished", function () { chart.off("finished"); host.setAttribute("data-chart", "rendered"); chartDone(); });
    option.animation = false;
    option.tooltip = Object.assign({ renderMode: "richText", confine: true }, option.tooltip || {});
    chart.setOption(option, true);
    charts.push(chart);
  }
  function drawCharts() {
    pending = 0;
    document.documentElement.removeAttribute("data-charts");
    var rules = D.rules;
    var order = range(rules.rule_id.length).filter(function (i) { return rules.total[i] > 0; });
    var cats = order.map(function (i) { return rules.clause[i] + " " + ruleTitle(i); });
    makeChart("chart-rules", {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { type: "scroll", top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "value" },
      yAxis: { type: "category", data: cats, inverse: true, axisLabel: { width: 180, overflow: "truncate" } },
      dataZoom: order.length > 15 ? [{ type: "slider", yAxisIndex: 0, right: 0, startValue: 0, endValue: 14 }] : [],
      series: D.statuses.filter(function (s) { return D.counts[s.code] > 0; }).map(function (s) {
        return { name: lang === "zh" ? s.zh : s.en, type: "bar", stack: "all", itemStyle: { color: s.colour },
                 data: order.map(function (i) { return rules[s.code][i]; }) };
      })
    }, order.length === 0);

    var T = D.training, years = [], units = [], names = {};
    T.year.forEach(function (y, i) { if (T.judged[i] > 0 && years.indexOf(y) < 0) years.push(y); });
    T.unit.forEach(function (u, i) { if (u !== null && units.indexOf(u) < 0) { units.push(u); names[u] = T.unit_name[i] || u; } });
    years.sort();
    makeChart("chart-training", {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: units.map(function (u) { return names[u]; }), axisLabel: { interval: 0, rotate: units.length > 4 ? 30 : 0, width: 120, overflow: "truncate" } },
      yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
      series: years.map(function (y) {
        return { name: y, type: "bar", data: units.map(function (u) {
          for (var i = 0; i < T.unit.length; i++) if (T.unit[i] === u && T.year[i] === y) return T.compliance_rate[i] === null ? null : Math.round(T.compliance_rate[i] * 1000) / 10;
          return null;
        }) };
      })
    }, units.length === 0);

    var L = D.timeline, tasks = [];
    L.rule_id.forEach(function (r) { if (tasks.indexOf(r) < 0) tasks.push(r); });
    var taskCat = tasks.map(function (r) { var i = ruleIdx[r]; return rules.clause[i] + " " + ruleTitle(i); });
    var due = [], done = {};
    L.rule_id.forEach(function (r, k) {
      var y = tasks.indexOf(r);
      due.push([L.due[k], y]);
      var s = L.status[k];
      var x = L.completed[k] || L.due[k];
      (done[s] = done[s] || []).push([x, y, L.n[k]]);
    });
    var series = [{ name: t("期限", "due"), type: "scatter", symbol: "diamond", symbolSize: 14, itemStyle: { color: "#1f4e78" }, data: due }];
    D.statuses.forEach(function (s) {
      if (done[s.code]) series.push({ name: (lang === "zh" ? s.zh : s.en), type: "scatter", itemStyle: { color: s.colour },
        symbolSize: function (v) { return Math.min(30, 6 + 3 * Math.sqrt(v[2])); }, data: done[s.code] });
    });
    makeChart("chart-timeline", {
      tooltip: { trigger: "item" },
      legend: { type: "scroll", top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "time" },
      yAxis: { type: "category", data: taskCat, inverse: true, axisLabel: { width: 160, overflow: "truncate" } },
      series: series
    }, tasks.length === 0);
    if (pending === 0) document.documentElement.setAttribute("data-charts", "rendered");
  }

  function drawAll() {
    var t0 = Date.now();
    drawHeader(); fillFilters(); drawRules();
    unitsTable.draw(); regionsTable.draw(); filterFindings(); rejectionsTable.draw();
    drawCharts();
    document.documentElement.setAttribute("data-render-ms", String(Date.now() - t0));
  }
  document.getElementById("lang").addEventListener("click", function () { lang = lang === "zh" ? "en" : "zh"; drawAll(); });
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
  drawAll();
})();
