import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { loadPolicies } from '@finops-ai/core'
import { fixtureReconciliation } from '../reconcile/reconcile-fixture.js'
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
  for (const record of sampleRecords(200)) builder.add(record)
  return renderHtmlReport(builder.result(), { chartJs: chartJsSource(), generatedAt: new Date('2026-11-28T12:00:00Z'), reconciliation: await fixtureReconciliation() })
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

  it('escapes attribution values in the table and the embedded data', () => {
    const builder = createSpendSummary({ by: ['team'], currency: 'USD' })
    const [record] = sampleRecords(1)
    builder.add({ ...record!, attribution: { team: '</script><b>x</b>' } })
    const html = renderHtmlReport(builder.result(), { chartJs: '' })
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
