import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { loadPolicies } from '@finops-ai/core'
import { fixtureReconciliation } from '../reconcile/reconcile-fixture.js'
import { savings } from '../savings/create-savings-analysis.js'
import { chartJsSource } from './chart-js-source.js'
import { renderHtmlReport } from './html-report.js'
import { sampleRecords } from './sample-ledger.js'
import { createSpendSummary } from './spend-summary.js'

const executablePath = '/usr/bin/chromium'
const available = existsSync(executablePath)
const results = fileURLToPath(new URL('../../../../test-results/', import.meta.url))
if (!available && process.env.CI !== 'true') {
  console.warn(`SKIPPED: the HTML report browser test needs Debian chromium at ${executablePath} (apt-get install chromium)`)
}

async function report(): Promise<string> {
  const policies = loadPolicies([
    { key: 'support', match: { team: 'support' }, limits: { budget: { period: 'monthly', soft_limit_usd: 0.2, hard_limit_usd: 0.3 } } },
  ])
  const builder = createSpendSummary({ by: ['team', 'feature'], currency: 'USD', policies })
  const records = sampleRecords(200)
  for (const record of records) builder.add(record)
  return renderHtmlReport(builder.result(), {
    chartJs: chartJsSource(),
    generatedAt: new Date('2026-11-28T12:00:00Z'),
    reconciliation: await fixtureReconciliation(),
    savings: savings(records, { batchFeatures: ['summaries'] }),
  })
}

describe('renderHtmlReport', () => {
  it('is one self-contained page: Chart.js and the data inlined, nothing loaded from elsewhere', async () => {
    const html = await report()
    expect(html).toContain('Chart.js v4.6.1')
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/)
    expect(html).toContain('Budget burn-down: support (monthly, 2026-11-01 – 2026-12-01)')
  })

  it('adds the reconciliation section: groups with verdicts, partial days, shadow spend and price drift', async () => {
    const html = await report()
    expect(html).toContain('<h2>Reconciliation with the openai bill, 2026-11-02 – 2026-11-05</h2>')
    expect(html).toContain('<tr class="verdict-ledger-low"><td>2026-11-02</td><td>gpt-4o-mini</td><td>proj_app</td><td>key_app</td><td>25000</td><td>0.007500</td><td>25000</td><td>0.006000</td><td>-0.001500</td><td>ledger low</td></tr>')
    expect(html).toContain('<tr class="verdict-ledger-high partial"><td>2026-11-04 (partial)</td>')
    expect(html).toContain('<td>proj_app</td><td>key_leaked</td><td>gpt-4o-mini</td><td>2026-11-02</td><td>20</td><td>60000</td><td>0.013500</td>')
    expect(html).toContain('<td>2026-11-02</td><td>gpt-4o-mini</td><td>proj_app</td><td>key_app</td><td>0.3</td><td>0.24</td>')
    expect(renderHtmlReport(createSpendSummary({ by: ['team'], currency: 'USD' }).result(), { chartJs: '' })).not.toContain('id="reconciliation"')
  })

  it('adds the savings section: each figure with its assumption, a table or "None found", and what to record', async () => {
    const html = await report()
    expect(html).toMatch(/<h3 id="savings-batch">Batch \/ flex: non-interactive features at the standard tier: <b>saving \d+\.\d{4} USD<\/b><\/h3><p class="assumption">Calls of features marked non-interactive \(attribution latency: batch, or summaries\)/)
    expect(html).toContain('<h3 id="savings-downgrades">Downgrades already made by on_soft_limit: <b>saved 0.0000 USD</b></h3><p class="assumption">')
    expect(html).toContain('<p class="none">None found.</p>')
    expect(html).toContain('<h3>To record</h3><ul><li>Right-sizing:')
    expect(renderHtmlReport(createSpendSummary({ by: ['team'], currency: 'USD' }).result(), { chartJs: '' })).not.toContain('id="savings"')
  })

  it('escapes attribution values in the table and the embedded data', () => {
    const builder = createSpendSummary({ by: ['team'], currency: 'USD' })
    const [record] = sampleRecords(1)
    builder.add({ ...record!, attribution: { team: '</script><b>x</b>' } })
    const html = renderHtmlReport(builder.result(), { chartJs: '', savings: savings([{ ...record!, attribution: { team: '</script><b>x</b>' } }]) })
    expect(html).not.toContain('</script><b>')
    expect(html).toContain('&#60;/script&#62;&#60;b&#62;x&#60;/b&#62;')
  })
})

describe.skipIf(!available && process.env.CI !== 'true')('HTML report in headless Chromium', () => {
  let browser: Browser | undefined
  afterAll(async () => browser?.close())

  // Launching Chromium takes tens of seconds on a loaded machine.
  it('renders every chart without console errors and writes test-results/report.png', { timeout: 120_000 }, async () => {
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    })
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    const requests: string[] = []
    page.on('request', (request) => {
      if (!request.url().startsWith('data:') && request.url() !== 'about:blank') requests.push(request.url())
    })
    await page.setContent(await report(), { waitUntil: 'load' })
    await page.waitForSelector('body[data-charts]')
    const charts = await page.evaluate(() => {
      interface Canvas {
        id: string
        width: number
        height: number
        getContext(kind: '2d'): { getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray } }
      }
      const instances = (globalThis as unknown as { finopsCharts: { canvas: Canvas; data: { datasets: unknown[] } }[] }).finopsCharts
      return instances.map((chart) => {
        const canvas = chart.canvas
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
        let painted = 0
        for (let index = 3; index < pixels.length; index += 4) if (pixels[index]! > 0) painted++
        return { id: canvas.id, width: canvas.width, painted, datasets: chart.data.datasets.length }
      })
    })
    expect(await page.locator('canvas').count()).toBe(5)
    expect(await page.locator('#reconciliation tbody tr').count()).toBe(7 + 3 + 1)
    expect(charts.map((chart) => chart.id)).toEqual(['spend-over-time', 'top-features', 'top-models', 'unallocated-share', 'budget-0'])
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThan(0)
      expect(chart.painted, `${chart.id} drew nothing`).toBeGreaterThan(1000)
    }
    expect(errors).toEqual([])
    expect(requests).toEqual([])
    mkdirSync(results, { recursive: true })
    const png = await page.screenshot({ fullPage: true })
    writeFileSync(`${results}report.png`, png)
  })
})

/** Budgets that exercise the burn-down: a per-user budget, limits in EUR, small daily amounts. */
function budgetReport(currency: 'USD' | 'EUR'): string {
  const policies = loadPolicies([
    { key: 'per-user', per: 'user', limits: { budget: { period: 'monthly', hard_limit_usd: 0.5 } } },
    { key: 'eur-cap', limits: { budget: { period: 'monthly', soft_limit_eur: 1, hard_limit_eur: 1.5 } } },
    { key: 'rag-daily', match: { feature: 'rag' }, limits: { budget: { period: 'daily', hard_limit_usd: 0.02 } } },
  ])
  // --rate 0.86: EUR per USD as the report's flag, an arbitrary test rate (not a published one)
  const rate = currency === 'EUR' ? 0.86 : undefined
  const builder = createSpendSummary({ by: ['team'], currency, rate, policies })
  const records = sampleRecords(200).map((record) => ({ ...record, model: 'gpt-4o-2024-08-06-with-a-long-snapshot-name' }))
  for (const record of records) builder.add(record)
  // Savings of the real model name (the long one is unknown to the price data): wide tables that must not overflow.
  const analysis = savings(sampleRecords(200), { currency, rate })
  return renderHtmlReport(builder.result(), { chartJs: chartJsSource(), generatedAt: new Date('2026-11-28T12:00:00Z'), savings: analysis })
}

interface ChartFacts {
  id: string
  labels: string[]
  datasets: { label: string; length: number; first: number | null }[]
  yTicks: string[]
}

describe('renderHtmlReport budget notes', () => {
  it('says on the page which flags draw limits in another currency, and that a per-user budget is not a sum', () => {
    const html = budgetReport('USD')
    expect(html).toContain('limits are in EUR, the report in USD: run the report with --currency EUR --rate &#60;EUR per USD&#62; to draw them')
    expect(html).toContain('One counter per user, each against the limits: the 5 user values that spent most (not a sum).')
  })
})

describe.skipIf(!available && process.env.CI !== 'true')('HTML report budget burn-downs and layout in headless Chromium', () => {
  let browser: Browser | undefined
  afterAll(async () => browser?.close())

  async function open(html: string, width: number, name: string) {
    browser ??= await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] })
    const page = await browser.newPage({ viewport: { width, height: 900 } })
    await page.setContent(html, { waitUntil: 'load' })
    await page.waitForSelector('body[data-charts]')
    const charts = await page.evaluate(() => {
      interface Instance {
        canvas: { id: string }
        data: { labels: string[]; datasets: { label: string; data: (number | null)[] }[] }
        scales: { y?: { ticks: { label: string | string[] }[] } }
      }
      return (globalThis as unknown as { finopsCharts: Instance[] }).finopsCharts.map((chart) => ({
        id: chart.canvas.id,
        labels: chart.data.labels,
        datasets: chart.data.datasets.map((dataset) => ({ label: dataset.label, length: dataset.data.length, first: dataset.data[0] ?? null })),
        yTicks: (chart.scales.y?.ticks ?? []).map((tick) => String(tick.label)),
      }))
    })
    const layout = await page.evaluate(() => {
      interface Element {
        id: string
        className: string
        querySelector(selector: string): { textContent: string | null } | null
        getBoundingClientRect(): { right: number }
      }
      const page = (globalThis as unknown as { document: { documentElement: { clientWidth: number; scrollWidth: number }; querySelectorAll(selector: string): Iterable<Element> } }).document
      const viewport = page.documentElement.clientWidth
      const boxes = [...page.querySelectorAll('section, canvas, .kpi')].map((element) => ({
        what: element.id || (element.querySelector('h2')?.textContent ?? element.className),
        right: Math.round(element.getBoundingClientRect().right),
      }))
      return { viewport, scrollWidth: page.documentElement.scrollWidth, overflowing: boxes.filter((box) => box.right > viewport) }
    })
    mkdirSync(results, { recursive: true })
    writeFileSync(`${results}${name}-${width}.png`, await page.screenshot({ fullPage: true }))
    await page.close()
    return { charts: charts as ChartFacts[], layout }
  }

  for (const width of [700, 1400]) {
    it(`spans whole periods, draws top per-user counters and distinct y labels, and does not overflow at ${width} px`, { timeout: 120_000 }, async () => {
      const { charts, layout } = await open(budgetReport('USD'), width, 'report-budgets')
      expect(layout.overflowing).toEqual([])
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.viewport)
      const byId = new Map(charts.map((chart) => [chart.id, chart]))
      // per-user: November 2026 in days, to the end of the period, the 5 users (of 5) that spent most, each with the limit
      const perUser = byId.get('budget-0')!
      expect(perUser.labels).toHaveLength(30)
      expect(perUser.labels[0]).toBe('2026-11-02')
      expect(perUser.labels.at(-1)).toBe('2026-12-01')
      expect(perUser.datasets.slice(0, 5).map((dataset) => dataset.label).sort()).toEqual(['user user-0', 'user user-1', 'user user-2', 'user user-3', 'user user-4'])
      expect(perUser.datasets[5]!.label).toBe('hard limit (each user)')
      expect(perUser.datasets).toHaveLength(6)
      for (const dataset of perUser.datasets) expect(dataset.length).toBe(30)
      // eur-cap: limits in EUR, report in USD: no limit lines, the flags to pass said on the page
      expect(byId.get('budget-1')!.datasets.map((dataset) => dataset.label)).toEqual(['spent'])
      // rag-daily: 24 hourly buckets of the last day; small amounts keep distinct axis labels
      const daily = byId.get('budget-2')!
      expect(daily.labels).toHaveLength(24)
      for (const chart of charts) expect(new Set(chart.yTicks).size, `${chart.id} y labels ${chart.yTicks.join(' | ')}`).toBe(chart.yTicks.length)
      expect(daily.yTicks.some((tick) => /^0\.\d{3,} USD$/.test(tick)), daily.yTicks.join(' | ')).toBe(true)
    })
  }

  it('draws limits in another currency when the report is in that currency, converting USD limits with --rate', { timeout: 120_000 }, async () => {
    const html = budgetReport('EUR')
    const { charts } = await open(html, 1400, 'report-budgets-eur')
    const byId = new Map(charts.map((chart) => [chart.id, chart]))
    expect(byId.get('budget-1')!.datasets.filter((dataset) => dataset.label.endsWith('limit')).map((dataset) => [dataset.label, dataset.first])).toEqual([['soft limit', 1], ['hard limit', 1.5]])
    // the per-user hard limit of 0.5 USD at the test rate of 0.86 EUR per USD
    expect(byId.get('budget-0')!.datasets.at(-1)).toMatchObject({ label: 'hard limit (each user)', first: 0.43 })
  })
})
