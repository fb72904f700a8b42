// The Grafana dashboard only queries series that finops-ai's metrics become in Prometheus, by
// labels those metrics carry: derived from the instruments core creates and the documented
// OpenTelemetry → Prometheus name conversion (docs/grafana/README.md).
import { readFileSync } from 'node:fs'
import type { Meter } from '@opentelemetry/api'
import { describe, expect, it } from 'vitest'
import type { CallRequest } from '../../packages/core/src/call/call-request.js'
import { createInferenceInstruments } from '../../packages/core/src/telemetry/inference-instruments.js'
import { metricAttributes } from '../../packages/core/src/telemetry/metric-attributes.js'
import * as semconv from '../../packages/core/src/telemetry/semconv.js'
import { prometheusLabel, prometheusNames, type InstrumentShape } from './prometheus-names.js'
import { promqlNames } from './promql-names.js'

interface Target {
  expr?: string
}
interface Panel {
  title: string
  type: string
  targets?: Target[]
  panels?: Panel[]
}
interface Variable {
  name: string
  type: string
  query?: string | { query?: string }
}
interface Dashboard {
  panels: Panel[]
  templating: { list: Variable[] }
}

const dashboard = JSON.parse(readFileSync(new URL('../../docs/grafana/finops-ai-dashboard.json', import.meta.url), 'utf8')) as Dashboard
const readme = readFileSync(new URL('../../docs/grafana/README.md', import.meta.url), 'utf8')

/** The instruments core creates in a naming mode, seen through a meter that records them. */
function instrumentsOf(mode: semconv.SemconvMode): InstrumentShape[] {
  const created: InstrumentShape[] = []
  const instrument = { add: () => {}, record: () => {} }
  const meter = {
    createCounter: (name: string, options?: { unit?: string }) => (created.push({ name, unit: options?.unit ?? '', kind: 'counter' }), instrument),
    createHistogram: (name: string, options?: { unit?: string }) => (created.push({ name, unit: options?.unit ?? '', kind: 'histogram' }), instrument),
    // An asynchronous counter becomes the same Prometheus counter series as a synchronous one.
    createObservableCounter: (name: string, options?: { unit?: string }) => (created.push({ name, unit: options?.unit ?? '', kind: 'counter' }), { addCallback: () => {} }),
  } as unknown as Meter
  // The money counters are created on first use, with the engine currency as their unit.
  const money = createInferenceInstruments(meter, mode)
  money.addCost(1, 'EUR', {})
  money.addCostAvoided(1, 'EUR', {})
  return created
}

const instruments = [...instrumentsOf('default'), ...instrumentsOf('latest')]
const emittedSeries = new Set(instruments.flatMap(prometheusNames))

/** Every metric attribute core can emit, as Prometheus labels, plus `le` and the scrape labels. */
function emittedLabels(): Set<string> {
  const request: CallRequest = { provider: 'openai', operation: 'chat', model: 'm', stream: false, estimatedInputTokens: 1, server: { address: 'a', port: 1 } }
  const attribution = { user: 'u', team: 't', feature: 'f', costCenter: 'c', custom: 'x' }
  const callAttributes = metricAttributes({ request, model: 'm', attribution, responseModel: 'm', errorType: 'e', serviceTier: 'default' })
  const instrumentAttributes = [
    semconv.ATTR_GEN_AI_TOKEN_TYPE,
    semconv.ATTR_GEN_AI_TOKEN_MODALITY,
    semconv.ATTR_FINOPS_COST_CURRENCY,
    semconv.ATTR_FINOPS_GUARD_REASON,
    semconv.ATTR_FINOPS_POLICY_KEY,
  ]
  return new Set([...Object.keys(callAttributes), ...instrumentAttributes].map(prometheusLabel).concat(['le', 'job', 'instance']))
}

const panels = (list: Panel[]): Panel[] => list.flatMap((panel) => [panel, ...panels(panel.panels ?? [])])
const panelQueries = panels(dashboard.panels).flatMap((panel) => (panel.targets ?? []).map((target) => ({ where: `panel "${panel.title}"`, expr: target.expr ?? '' })))
const queries = [
  ...panelQueries,
  ...dashboard.templating.list
    .filter((variable) => variable.type === 'query')
    .map((variable) => ({ where: `variable $${variable.name}`, expr: typeof variable.query === 'string' ? variable.query : (variable.query?.query ?? '') })),
]

describe('docs/grafana/finops-ai-dashboard.json', () => {
  it('derives the Prometheus series from the instruments, which are named by semconv constants', () => {
    const constants = new Set<unknown>(Object.entries(semconv).filter(([name]) => name.startsWith('METRIC_')).map(([, value]) => value))
    expect(instruments.every((instrument) => constants.has(instrument.name))).toBe(true)
    expect([...emittedSeries]).toEqual(
      expect.arrayContaining([
        'finops_cost_total',
        'finops_cache_cost_avoided_total',
        'finops_guard_denials_total',
        'finops_attribution_missing_total',
        'gen_ai_client_token_usage_bucket',
        'gen_ai_client_token_usage_sum',
        'gen_ai_client_operation_duration_seconds_count',
      ]),
    )
  })

  it('has panels for spend by team, feature and model, tokens, denials and unallocated share', () => {
    expect(panels(dashboard.panels).map((panel) => panel.title)).toEqual(
      expect.arrayContaining([
        'Spend per hour by team',
        'Spend per hour by feature',
        'Spend by model',
        'Tokens per minute by type',
        'Denials per minute by reason and policy',
        'Unallocated share',
        'Output tokens p95 by feature and model',
        'Cost per call by model ($currency)',
        'OpenAI spend by service tier ($currency)',
        'Cached input share by feature',
        'Cost avoided by the response cache by feature ($currency)',
      ]),
    )
    for (const panel of panels(dashboard.panels).filter((panel) => panel.type !== 'row')) {
      expect(panel.targets?.length, `panel "${panel.title}" has no query`).toBeGreaterThan(0)
    }
  })

  it('queries only series finops-ai emits', () => {
    const unknown = queries.flatMap(({ where, expr }) => promqlNames(expr).metrics.filter((name) => !emittedSeries.has(name)).map((name) => `${where}: ${name}`))
    expect(unknown).toEqual([])
    expect(queries.every(({ expr }) => promqlNames(expr).metrics.length > 0)).toBe(true)
  })

  it('filters and groups only by labels finops-ai metrics carry (never enduser_id)', () => {
    const labels = emittedLabels()
    expect(labels.has('enduser_id')).toBe(false)
    const unknown = queries.flatMap(({ where, expr }) => promqlNames(expr).labels.filter((label) => !labels.has(label)).map((label) => `${where}: ${label}`))
    expect(unknown).toEqual([])
  })

  it('filters every series of every panel query by the team variable', () => {
    expect(dashboard.templating.list.map((variable) => variable.name)).toEqual(expect.arrayContaining(['team', 'feature']))
    // Each `{...}` selector, so that no part of a ratio escapes the team filter.
    const unfiltered = panelQueries.flatMap(({ where, expr }) =>
      [...expr.matchAll(/\{([^}]*)\}/g)].filter(([, matchers]) => !matchers!.includes('team_name=~"$team"')).map(([selector]) => `${where}: ${selector}`),
    )
    expect(unfiltered).toEqual([])
    expect(panelQueries.every(({ expr }) => /\{[^}]*\}/.test(expr))).toBe(true)
  })

  it('documents every panel query in docs/grafana/README.md', () => {
    const undocumented = queries.filter(({ expr }) => !readme.includes(expr)).map(({ where }) => where)
    expect(undocumented).toEqual([])
  })
})
