import type { Attributes } from '@opentelemetry/api'
import type { AttributionNaming } from '../attribution/attribution-attributes.js'
import { metricAttributes, metricAttributionKeys, type MetricLabels } from './metric-attributes.js'
import {
  ATTR_FINOPS_COST_CURRENCY,
  ATTR_GEN_AI_TOKEN_MODALITY,
  ATTR_GEN_AI_TOKEN_TYPE,
  GEN_AI_TOKEN_MODALITY_VALUE_UNKNOWN,
  GEN_AI_TOKEN_TYPE_VALUE_INPUT,
  GEN_AI_TOKEN_TYPE_VALUE_OUTPUT,
} from './semconv.js'

/** How many label combinations a {@link MetricAttributeCache} keeps by default. */
export const DEFAULT_METRIC_ATTRIBUTE_SETS = 1000

/**
 * The metric attributes of one label combination ({@link metricAttributes}) and the variants its
 * records add one attribute to, each built on first use and frozen, so calls with the same labels
 * record with the same objects: no copy per record.
 */
export class MetricAttributeSet {
  /** The call's attributes (duration, time to first chunk, per-operation token histograms). */
  readonly call: Attributes
  private input: Attributes | undefined
  private output: Attributes | undefined
  private modality: Attributes | undefined
  private costCurrency: string | undefined
  private cost: Attributes | undefined

  constructor(call: Attributes) {
    this.call = frozenSorted(call)
  }

  /** With `gen_ai.token.type` (`gen_ai.client.token.usage`). */
  tokenType(type: typeof GEN_AI_TOKEN_TYPE_VALUE_INPUT | typeof GEN_AI_TOKEN_TYPE_VALUE_OUTPUT): Attributes {
    if (type === GEN_AI_TOKEN_TYPE_VALUE_INPUT) return (this.input ??= this.extended(ATTR_GEN_AI_TOKEN_TYPE, type))
    return (this.output ??= this.extended(ATTR_GEN_AI_TOKEN_TYPE, type))
  }

  /** With `gen_ai.token.modality` = `unknown` (the `gen_ai.client.inference.usage.*` counters). */
  unknownModality(): Attributes {
    return (this.modality ??= this.extended(ATTR_GEN_AI_TOKEN_MODALITY, GEN_AI_TOKEN_MODALITY_VALUE_UNKNOWN))
  }

  /** With `finops.cost.currency` (an engine has one currency: the last one is kept). */
  withCurrency(currency: string): Attributes {
    if (this.costCurrency !== currency || this.cost === undefined) {
      this.cost = this.extended(ATTR_FINOPS_COST_CURRENCY, currency)
      this.costCurrency = currency
    }
    return this.cost
  }

  private extended(key: string, value: string): Attributes {
    return frozenSorted({ ...this.call, [key]: value })
  }
}

/**
 * `attributes` frozen, its keys in sorted order: OpenTelemetry metric SDKs sort the keys of every
 * record's attributes to hash them, which costs least when they already are.
 */
function frozenSorted(attributes: Attributes): Attributes {
  const sorted: Attributes = {}
  for (const key of Object.keys(attributes).sort()) sorted[key] = attributes[key]
  return Object.freeze(sorted)
}

/** `attributes` as a set: itself when it is one, else a set over a copy (built per call: not cached). */
export function attributeSetOf(attributes: MetricAttributeSet | Attributes): MetricAttributeSet {
  return attributes instanceof MetricAttributeSet ? attributes : new MetricAttributeSet({ ...attributes })
}

/**
 * The {@link MetricAttributeSet}s of recent label combinations. Metric labels are a bounded
 * allow-list, so few combinations recur; the cache holds at most `maxSets` and forgets the oldest.
 */
export class MetricAttributeCache {
  private readonly sets = new Map<string, MetricAttributeSet>()
  /** The labels of the last lookup and their set: consecutive calls usually share their labels. */
  private lastLabels: MetricLabels | undefined
  private lastSet: MetricAttributeSet | undefined

  /**
   * @param maxSets How many label combinations are kept. Default {@link DEFAULT_METRIC_ATTRIBUTE_SETS}.
   * @param naming How attribution keys are named in the attributes. Default `'default'`.
   */
  constructor(
    private readonly maxSets = DEFAULT_METRIC_ATTRIBUTE_SETS,
    readonly naming: AttributionNaming = 'default',
  ) {}

  /** The set for `labels` (not changed afterwards: the last labels are kept for comparison): the cached one, or a new one (remembered). */
  get(labels: MetricLabels): MetricAttributeSet {
    if (this.lastSet !== undefined && this.lastLabels !== undefined && sameLabels(this.lastLabels, labels)) return this.lastSet
    const set = this.lookUp(labels)
    this.lastLabels = labels
    this.lastSet = set
    return set
  }

  private lookUp(labels: MetricLabels): MetricAttributeSet {
    const key = labelKey(labels)
    let set = this.sets.get(key)
    if (set === undefined) {
      set = new MetricAttributeSet(metricAttributes(labels, this.naming))
      if (this.sets.size >= this.maxSets) this.sets.delete(this.sets.keys().next().value as string)
      this.sets.set(key, set)
    }
    return set
  }
}

/** Whether `a` and `b` give the same {@link metricAttributes}: the values it reads compared one by one. */
function sameLabels(a: MetricLabels, b: MetricLabels): boolean {
  if (a.model !== b.model || a.responseModel !== b.responseModel || a.errorType !== b.errorType || a.serviceTier !== b.serviceTier) return false
  const requestA = a.request
  const requestB = b.request
  if (requestA.operation !== requestB.operation || requestA.provider !== requestB.provider) return false
  if (requestA.server !== requestB.server && (requestA.server?.address !== requestB.server?.address || requestA.server?.port !== requestB.server?.port)) {
    return false
  }
  return a.attribution === b.attribution || sameMetricAttribution(a.attribution, b.attribution)
}

function sameMetricAttribution(a: MetricLabels['attribution'], b: MetricLabels['attribution']): boolean {
  for (let index = 0; index < metricAttributionKeys.length; index++) {
    const name = metricAttributionKeys[index] as string
    if (a[name] !== b[name]) return false
  }
  return true
}

/** An injective key of the labels {@link metricAttributes} reads: every part length-prefixed, absent ones as `-`. */
function labelKey(labels: MetricLabels): string {
  const request = labels.request
  const server = request.server
  let key = part(request.operation) + part(request.provider) + part(labels.model) + part(labels.responseModel)
  key += part(server?.address) + part(server?.port === undefined ? undefined : String(server.port)) + part(labels.errorType) + part(labels.serviceTier)
  for (const name of metricAttributionKeys) key += part(labels.attribution[name])
  return key
}

function part(value: string | undefined): string {
  return value === undefined ? '-' : `${value.length}:${value}`
}
