import type { Reconciliation } from '../reconcile/compare-report.js'
import { reconciliationSection } from '../reconcile/reconciliation-html.js'
import type { Savings } from '../savings/savings-types.js'
import { escapeHtml } from './escape-html.js'
import { savingsSection, topCallsSection } from './savings-html.js'
import type { SpendSummary } from './spend-summary.js'
import type { TopCall } from './top-calls.js'

/** Options of {@link renderHtmlReport}. */
export interface HtmlReportOptions {
  /** The Chart.js UMD bundle to inline (see `chartJsSource`). */
  chartJs: string
  title?: string
  generatedAt?: Date
  /** A `reconcile` result: adds the section comparing the ledger with the provider's bill. */
  reconciliation?: Reconciliation
  /** A `savings()` result: adds the "Savings" section (tables with the assumption next to each figure). */
  savings?: Savings
  /** The most expensive calls (`report --team`): adds a table of them. */
  topCalls?: readonly TopCall[]
}

/** JSON safe inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')

/** Draws the charts from the embedded data; runs in the browser (kept as plain ES2017 text). */
const pageScript = `
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var palette = ['#2563eb', '#16a34a', '#ea580c', '#9333ea', '#dc2626', '#0891b2', '#ca8a04', '#db2777', '#64748b'];
  // Axis labels get as many decimals as the tick step needs (at least 2), so 0.005 steps do not all read 0.01.
  var stepDigits = function (ticks) {
    var step = ticks.length > 1 ? Math.abs(ticks[1].value - ticks[0].value) : 0;
    var digits = 2;
    while (step > 0 && digits < 12 && Math.abs(Math.round(step * Math.pow(10, digits)) - step * Math.pow(10, digits)) > 1e-6 * step * Math.pow(10, digits)) digits++;
    return digits;
  };
  var axisMoney = function (value, index, ticks) {
    var digits = stepDigits(ticks);
    return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) + ' ' + data.currency;
  };
  Chart.defaults.animation = false;
  Chart.defaults.responsive = true;
  Chart.defaults.maintainAspectRatio = false;
  var charts = [];
  function chart(id, config) {
    var canvas = document.getElementById(id);
    if (canvas) charts.push(new Chart(canvas, config));
  }
  var moneyAxis = { beginAtZero: true, ticks: { callback: axisMoney } };
  chart('spend-over-time', {
    type: 'bar',
    data: { labels: data.daily.days, datasets: data.daily.series.map(function (series, index) {
      return { label: series.name, data: series.amounts, backgroundColor: palette[index % palette.length] };
    }) },
    options: { scales: { x: { stacked: true }, y: Object.assign({ stacked: true }, moneyAxis) } },
  });
  chart('top-features', {
    type: 'bar',
    data: { labels: data.features.map(function (f) { return f.name; }), datasets: [{ label: 'spend', data: data.features.map(function (f) { return f.amount; }), backgroundColor: palette[1] }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: moneyAxis } },
  });
  chart('top-models', {
    type: 'bar',
    data: { labels: data.models.map(function (m) { return m.name; }), datasets: [{ label: 'spend', data: data.models.map(function (m) { return m.amount; }), backgroundColor: palette[3] }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: moneyAxis } },
  });
  chart('unallocated-share', {
    type: 'doughnut',
    data: { labels: ['attributed', 'unallocated'], datasets: [{ data: [data.total.amount - data.unallocated.amount, data.unallocated.amount], backgroundColor: [palette[0], palette[4]] }] },
  });
  data.budgets.forEach(function (budget, index) {
    var datasets = budget.series.map(function (series, position) {
      var color = palette[position % palette.length];
      return { label: budget.per ? budget.per + ' ' + series.name : 'spent', data: series.spent, borderColor: color, backgroundColor: color, fill: false, pointRadius: 1 };
    });
    var each = budget.per ? ' (each ' + budget.per + ')' : '';
    var line = function (label, amount, color, dash) {
      return { label: label + each, data: budget.at.map(function () { return amount; }), borderColor: color, backgroundColor: color, borderDash: dash, pointRadius: 0 };
    };
    if (budget.softLimit !== undefined) datasets.push(line('soft limit', budget.softLimit, '#ca8a04', [6, 4]));
    if (budget.hardLimit !== undefined) datasets.push(line('hard limit', budget.hardLimit, '#dc2626', [2, 2]));
    var label = function (at) { return budget.period.kind === 'hourly' || budget.period.kind === 'daily' ? at.slice(0, 16).replace('T', ' ') : at.slice(0, 10); };
    chart('budget-' + index, { type: 'line', data: { labels: budget.at.map(label), datasets: datasets }, options: { scales: { y: moneyAxis } } });
  });
  window.finopsCharts = charts;
  document.body.setAttribute('data-charts', String(charts.length));
})();
`

function summaryTable(summary: SpendSummary): string {
  const cached = summary.total.cacheHits > 0
  const head = [...summary.by, 'calls', 'input tokens', 'output tokens', `spend (${summary.currency})`, 'share', ...(cached ? ['cache hits', `avoided (${summary.currency})`] : [])]
  const rows = summary.groups.slice(0, 50).map((group) => [
    ...group.key,
    String(group.calls),
    group.inputTokens.toLocaleString('en-US'),
    group.outputTokens.toLocaleString('en-US'),
    group.amount.toFixed(4),
    summary.total.amount > 0 ? `${((group.amount / summary.total.amount) * 100).toFixed(1)}%` : '-',
    ...(cached ? [String(group.cacheHits), group.costAvoided.toFixed(4)] : []),
  ])
  const cells = (values: string[], tag: string) => `<tr>${values.map((value) => `<${tag}>${escapeHtml(value)}</${tag}>`).join('')}</tr>`
  return `<table><thead>${cells(head, 'th')}</thead><tbody>${rows.map((row) => cells(row, 'td')).join('')}</tbody></table>`
}

/**
 * One self-contained HTML page (no network access needed): Chart.js and the data are inlined.
 * Charts: spend over time by team (stacked bars per UTC day), top features, top models, the
 * unallocated share, and one budget burn-down per budget policy (the whole period on the x axis;
 * limits drawn, or a note naming the flags that would draw them; a `per:` budget as its top
 * counters); axis labels as precise as their step. The layout holds from 700 px wide. Plus the grouped table
 * (with response-cache hits and the cost they avoided when the cache answered calls, also as a figure on top),
 * the most expensive calls with `topCalls`, the savings with `savings` and, with `reconciliation`, the
 * comparison with the provider's bill (tables only).
 */
export function renderHtmlReport(summary: SpendSummary, options: HtmlReportOptions): string {
  const title = options.title ?? 'finops-ai spend report'
  const share = summary.total.amount > 0 ? (summary.unallocated.amount / summary.total.amount) * 100 : 0
  const budgets = summary.budgets
    .map(
      (budget, index) =>
        `<section><h2>Budget burn-down: ${escapeHtml(budget.policy)} (${escapeHtml(budget.period.kind)}, ${escapeHtml(budget.period.start.slice(0, 10))} – ${escapeHtml(budget.period.end.slice(0, 10))})</h2>` +
        (budget.per === undefined ? '' : `<p class="per">One counter per ${escapeHtml(budget.per)}, each against the limits: the ${budget.series.length} ${escapeHtml(budget.per)} value${budget.series.length === 1 ? '' : 's'} that spent most (not a sum).</p>`) +
        `${budget.note ? `<p class="note">${escapeHtml(budget.note)}</p>` : ''}<div class="chart"><canvas id="budget-${index}"></canvas></div></section>`,
    )
    .join('')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 24px; color: #0f172a; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 0 0 8px; } h3 { font-size: 14px; margin: 12px 0 6px; }
.meta { color: #475569; margin-bottom: 16px; }
.kpis { display: flex; flex-wrap: wrap; gap: 16px; margin-bottom: 16px; } .kpi { border: 1px solid #e2e8f0; border-radius: 8px; padding: 10px 14px; }
.kpi b { display: block; font-size: 20px; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 320px), 1fr)); gap: 16px; }
section { border: 1px solid #e2e8f0; border-radius: 8px; padding: 12px; margin-bottom: 16px; min-width: 0; overflow-x: auto; }
.chart { position: relative; height: 260px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e2e8f0; }
.note { color: #b45309; font-weight: 600; } .per { color: #475569; }
.verdict-within-tolerance { color: #15803d; } .verdict-ledger-high, .verdict-ledger-low { color: #b45309; } .verdict-provider-only, .verdict-ledger-only { color: #b91c1c; }
.partial { color: #64748b; font-style: italic; }
.assumption { color: #475569; font-size: 13px; margin: 0 0 6px; } .none, #savings li { font-size: 13px; } .none { color: #64748b; } td.number, th.number { text-align: right; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<div class="meta">Generated ${escapeHtml((options.generatedAt ?? new Date()).toISOString())} · amounts in ${escapeHtml(summary.currency)}${summary.unpriced > 0 ? ` · ${summary.unpriced} calls without a price` : ''}</div>
<div class="kpis">
<div class="kpi">Spend<b>${summary.total.amount.toFixed(2)} ${escapeHtml(summary.currency)}</b></div>
<div class="kpi">Calls<b>${summary.total.calls.toLocaleString('en-US')}</b></div>
<div class="kpi">Tokens<b>${(summary.total.inputTokens + summary.total.outputTokens).toLocaleString('en-US')}</b></div>
<div class="kpi">Unallocated<b>${share.toFixed(1)}%</b></div>
${summary.total.cacheHits > 0 ? `<div class="kpi" id="response-cache">Avoided by the response cache (${summary.total.cacheHits.toLocaleString('en-US')} hits)<b>${summary.total.costAvoided.toFixed(4)} ${escapeHtml(summary.currency)}</b></div>\n` : ''}</div>
<section><h2>Spend over time by team</h2><div class="chart"><canvas id="spend-over-time"></canvas></div></section>
<div class="grid">
<section><h2>Top features</h2><div class="chart"><canvas id="top-features"></canvas></div></section>
<section><h2>Top models</h2><div class="chart"><canvas id="top-models"></canvas></div></section>
</div>
<section><h2>Unallocated share</h2><div class="chart"><canvas id="unallocated-share"></canvas></div></section>
${budgets}
<section><h2>By ${escapeHtml(summary.by.join(', '))}</h2>${summaryTable(summary)}</section>
${options.topCalls === undefined ? '' : topCallsSection(options.topCalls, summary.currency)}
${options.savings === undefined ? '' : savingsSection(options.savings)}
${options.reconciliation === undefined ? '' : reconciliationSection(options.reconciliation)}
<script>${options.chartJs.replace(/<\/script/gi, '<\\/script')}</script>
<script type="application/json" id="report-data">${scriptJson(summary)}</script>
<script>${pageScript}</script>
</body>
</html>
`
}
