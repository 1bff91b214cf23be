// Luoshi's own script: draws the charts described by [data-chart] (see Ui/ChartSpec.cs), keeps them sized,
// and moves focus into content that htmx swaps in. Pages work without it; it only enhances them.
(function () {
  'use strict';

  const font = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';
  const ink = '#1a1f24';
  const muted = '#4a5561';
  const rule = '#d5dbe1';
  const colours = { main: '#0b4f9c', target: '#3d4650', change: '#5b7fa8', expected: '#b26a00' };
  // The status lights, as in luoshi.css.
  const statusColours = { green: '#2e7d32', yellow: '#c99700', red: '#c62828', grey: '#8a949e', none: '#c5ccd3' };
  const peers = ['#00798c', '#8a4fa0', '#9a6700', '#2f7d32'];
  // Assessment grades, best first as the scheme lists them, and the veto grade (as in assessment.css).
  const gradeColours = { 'grade-0': '#1b5e20', 'grade-1': '#43a047', 'grade-2': '#c99700', 'grade-3': '#ef6c00', 'grade-4': '#8a949e', 'grade-none': '#8a949e', 'grade-veto': '#c62828' };

  // Values keep the indicator's decimals; axis ticks show only the digits they need.
  function formatter(spec, axis) {
    const lang = document.documentElement.lang || 'zh-CN';
    const nf = new Intl.NumberFormat(lang, { minimumFractionDigits: axis ? 0 : spec.decimals, maximumFractionDigits: spec.decimals });
    return (v) => (v === null || v === undefined || Number.isNaN(v)) ? '–' : nf.format(v);
  }

  function seriesOf(spec) {
    let peer = 0;
    return spec.series.map((s) => {
      const base = { name: s.name, data: s.data, connectNulls: false, emphasis: { focus: 'series' } };
      switch (s.role) {
        case 'target':
          return Object.assign(base, {
            type: 'line', step: 'middle', symbol: 'none',
            lineStyle: { type: 'dashed', width: 1.5, color: colours.target }, itemStyle: { color: colours.target },
          });
        case 'expected':
          return Object.assign(base, {
            type: 'line', symbol: 'none', smooth: false,
            lineStyle: { type: [6, 4], width: 2, color: colours.expected }, itemStyle: { color: colours.expected },
          });
        case 'change':
          return Object.assign(base, { type: 'bar', barMaxWidth: 14, itemStyle: { color: colours.change } });
        case 'peer': {
          const c = peers[peer++ % peers.length];
          return Object.assign(base, { type: 'line', symbolSize: 4, lineStyle: { width: 1.5, color: c }, itemStyle: { color: c } });
        }
        default:
          return Object.assign(base, {
            type: spec.kind === 'bars' ? 'bar' : 'line', symbolSize: 5, barMaxWidth: 14,
            lineStyle: { width: 2.5, color: colours.main }, itemStyle: { color: colours.main },
          });
      }
    });
  }

  function optionOf(spec) {
    const fmt = formatter(spec, false);
    const tick = formatter(spec, true);
    const text = { fontFamily: font, color: ink, fontSize: 13 };
    if (spec.kind === 'spark') {
      const s = spec.series[0];
      return {
        animation: false,
        textStyle: text,
        grid: { left: 4, right: 8, top: 6, bottom: 4 },
        tooltip: { trigger: 'axis', valueFormatter: (v) => fmt(v) + ' ' + spec.unit, textStyle: text, confine: true },
        xAxis: { type: 'category', data: spec.categories, show: false, boundaryGap: false },
        yAxis: { type: 'value', show: false, scale: true },
        series: [{
          type: 'line', data: s.data, symbol: 'none', smooth: false,
          lineStyle: { width: 2, color: colours.main }, areaStyle: { color: 'rgba(11,79,156,0.08)' },
        }],
      };
    }
    if (spec.kind === 'heatmap') {
      // Rows are the series (top first), columns the categories. The bundled ECharts build has no heatmap
      // series, so each cell is a bubble (a punch card): larger and darker the higher its value; empty cells stay blank.
      const rows = spec.series.map((s) => s.name);
      const cells = [];
      let max = 1;
      spec.series.forEach((s, y) => s.data.forEach((v, x) => {
        if (v !== null && v !== undefined) { cells.push([x, y, v]); if (v > max) max = v; }
      }));
      const shade = (share) => {
        const from = [139, 175, 224], to = [8, 59, 117];
        const c = from.map((f, k) => Math.round(f + (to[k] - f) * share));
        return 'rgb(' + c.join(',') + ')';
      };
      return {
        animation: false,
        textStyle: text,
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        tooltip: {
          trigger: 'item', confine: true, textStyle: text,
          formatter: (p) => rows[p.value[1]] + '<br>' + spec.categories[p.value[0]].replace('\n', ' ') + ': <b>' + fmt(p.value[2]) + '</b> ' + spec.unit,
        },
        xAxis: {
          type: 'category', data: spec.categories, position: 'top', boundaryGap: true,
          splitLine: { show: true, lineStyle: { color: '#eceff2' } },
          axisLabel: { color: muted, fontFamily: font, fontSize: 11, interval: 0, hideOverlap: true },
          axisLine: { lineStyle: { color: rule } }, axisTick: { show: false },
        },
        yAxis: {
          type: 'category', data: rows, inverse: true, boundaryGap: true,
          splitLine: { show: true, lineStyle: { color: '#eceff2' } },
          axisLabel: { color: ink, fontFamily: font }, axisLine: { lineStyle: { color: rule } }, axisTick: { show: false },
        },
        series: [{
          type: 'scatter',
          data: cells.map((c) => ({ value: c, itemStyle: { color: shade(max > 1 ? (c[2] - 1) / (max - 1) : 1) } })),
          symbolSize: (v) => 20 + 20 * Math.sqrt(v[2] / max),
          label: { show: true, color: '#fff', fontFamily: font, fontWeight: 600, formatter: (p) => fmt(p.value[2]) },
          emphasis: { itemStyle: { borderColor: ink, borderWidth: 1 } },
        }],
      };
    }
    if (spec.kind === 'ranking') {
      const s = spec.series[0];
      const statuses = s.statuses || [];
      return {
        animation: false,
        textStyle: text,
        grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, textStyle: text, valueFormatter: (v) => fmt(v) + (spec.unit ? ' ' + spec.unit : '') },
        xAxis: {
          type: 'value', scale: false,
          axisLabel: { color: muted, fontFamily: font, formatter: (v) => tick(v), hideOverlap: true },
          splitLine: { lineStyle: { color: '#eceff2' } },
        },
        yAxis: {
          type: 'category', data: spec.categories, inverse: true,
          axisLabel: { color: ink, fontFamily: font }, axisLine: { lineStyle: { color: rule } }, axisTick: { show: false },
        },
        series: [{
          type: 'bar', name: s.name, barMaxWidth: 18,
          data: s.data.map((v, k) => ({ value: v, itemStyle: { color: statusColours[statuses[k]] || gradeColours[statuses[k]] || colours.main } })),
          label: { show: true, position: 'right', color: ink, fontFamily: font, formatter: (p) => fmt(p.value) },
        }],
      };
    }
    if (spec.kind === 'grouped') {
      // Counts side by side per category (a unit's open, overdue and closed items), categories down the side.
      return {
        animation: false,
        textStyle: text,
        legend: { top: 0, left: 0, textStyle: text, itemGap: 18 },
        grid: { left: 8, right: 40, top: 32, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, textStyle: text, valueFormatter: (v) => fmt(v) + (spec.unit ? ' ' + spec.unit : '') },
        xAxis: {
          type: 'value', minInterval: 1,
          axisLabel: { color: muted, fontFamily: font, formatter: (v) => tick(v), hideOverlap: true },
          splitLine: { lineStyle: { color: '#eceff2' } },
        },
        yAxis: {
          type: 'category', data: spec.categories, inverse: true,
          axisLabel: { color: ink, fontFamily: font }, axisLine: { lineStyle: { color: rule } }, axisTick: { show: false },
        },
        series: spec.series.map((s) => {
          const c = statusColours[s.role] || colours.main;
          return {
            type: 'bar', name: s.name, data: s.data, barMaxWidth: 12, barGap: '15%', itemStyle: { color: c },
            label: { show: true, position: 'right', color: muted, fontFamily: font, fontSize: 11, formatter: (p) => (p.value ? fmt(p.value) : '') },
          };
        }),
      };
    }
    return {
      animation: false,
      textStyle: text,
      color: [colours.main].concat(peers),
      legend: { type: 'scroll', top: 0, left: 0, textStyle: text, itemGap: 18 },
      grid: { left: 8, right: 16, top: 60, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis', confine: true, textStyle: text,
        valueFormatter: (v) => fmt(v) + (spec.unit ? ' ' + spec.unit : ''),
      },
      xAxis: {
        type: 'category', data: spec.categories,
        axisLabel: { color: muted, fontFamily: font, hideOverlap: true },
        axisLine: { lineStyle: { color: rule } }, axisTick: { alignWithLabel: true },
      },
      yAxis: {
        type: 'value', scale: spec.kind !== 'bars', name: spec.unit, nameTextStyle: { color: muted, fontFamily: font, align: 'left' },
        axisLabel: { color: muted, fontFamily: font, formatter: (v) => tick(v) },
        splitLine: { lineStyle: { color: '#eceff2' } },
      },
      series: seriesOf(spec),
    };
  }

  const observed = new WeakSet();
  const resizer = ('ResizeObserver' in window)
    ? new ResizeObserver((entries) => entries.forEach((e) => { const c = window.echarts && echarts.getInstanceByDom(e.target); if (c) c.resize(); }))
    : null;

  function drawCharts(root) {
    if (!window.echarts) return;
    (root || document).querySelectorAll('[data-chart]').forEach((el) => {
      if (echarts.getInstanceByDom(el)) return;
      let spec;
      try { spec = JSON.parse(el.dataset.chart); } catch (e) { return; }
      const chart = echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption(optionOf(spec));
      el.classList.add('chart-ready');
      if (resizer && !observed.has(el)) { resizer.observe(el); observed.add(el); }
    });
  }

  function disposeCharts(root) {
    if (!window.echarts || !root) return;
    root.querySelectorAll('[data-chart]').forEach((el) => { const c = echarts.getInstanceByDom(el); if (c) c.dispose(); });
  }

  document.addEventListener('DOMContentLoaded', () => drawCharts(document));
  document.addEventListener('htmx:beforeSwap', (e) => { if (e.detail.target) disposeCharts(e.detail.target); });
  document.addEventListener('htmx:afterSettle', (e) => drawCharts(e.detail.elt || document));
  document.addEventListener('htmx:afterSwap', (e) => {
    const focus = e.detail.target && e.detail.target.querySelector('[data-focus]');
    if (focus) focus.focus({ preventScroll: false });
  });
  window.addEventListener('beforeprint', () => {
    if (!window.echarts) return;
    document.querySelectorAll('[data-chart]').forEach((el) => { const c = echarts.getInstanceByDom(el); if (c) c.resize(); });
  });

  window.luoshi = { drawCharts };
})();
