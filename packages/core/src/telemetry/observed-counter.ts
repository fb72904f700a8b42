import { diag, type Attributes, type Meter, type MetricOptions, type ObservableResult } from '@opentelemetry/api'

/**
 * Most attribute sets an {@link ObservedCounter} keeps apart, as the OpenTelemetry SDK's default
 * cardinality limit per metric stream; amounts of further sets are added to the overflow set.
 */
export const OBSERVED_COUNTER_CARDINALITY_LIMIT = 2000

/** The attributes the amounts beyond the cardinality limit are reported with (the SDK's own overflow set). */
const OVERFLOW_ATTRIBUTES: Attributes = Object.freeze({ 'otel.metric.overflow': true })

/** The running total of one attribute set. */
interface Total {
  readonly attributes: Attributes
  value: number
}

/**
 * A monotonic sum kept in process and reported by an asynchronous counter
 * (`meter.createObservableCounter`) at each collection: the same exported data as a synchronous
 * counter (a monotonic sum, in the reader's temporality), but adding to it is one lookup by the
 * attributes object and an addition, where a synchronous counter sorts and serialises the
 * attributes on every add. Meant for frozen attribute objects that recur (the sets of
 * `MetricAttributeSet`): a frozen object met for the first time is keyed by its content once, so
 * equal sets that are different objects share one total; an object that is not frozen is keyed by
 * its content on every add.
 *
 * Every attribute set seen is reported at every collection (with delta temporality, a zero delta
 * when nothing was added since, where a synchronous counter reports only the sets added to), up to
 * {@link OBSERVED_COUNTER_CARDINALITY_LIMIT} sets; amounts of later sets go to the
 * `otel.metric.overflow` set, as the SDK does for a synchronous counter past its limit.
 */
export class ObservedCounter {
  private readonly byObject = new WeakMap<Attributes, Total>()
  private readonly byContent = new Map<string, Total>()
  private overflow: Total | undefined

  constructor(
    meter: Meter,
    private readonly name: string,
    options: MetricOptions,
    private readonly cardinalityLimit = OBSERVED_COUNTER_CARDINALITY_LIMIT,
  ) {
    meter.createObservableCounter(name, options).addCallback((result) => this.report(result))
  }

  /** Adds `amount` (a non-negative number; anything else is dropped with a `diag` warning, as a counter does). */
  add(amount: number, attributes: Attributes): void {
    if (!(amount >= 0)) {
      diag.warn(`finops-ai: ${this.name} ignores the amount ${amount}: counters only go up`)
      return
    }
    let total = this.byObject.get(attributes)
    if (total === undefined) {
      total = this.totalOf(attributes)
      // Only a frozen object keeps the content it was keyed by.
      if (Object.isFrozen(attributes)) this.byObject.set(attributes, total)
    }
    total.value += amount
  }

  private totalOf(attributes: Attributes): Total {
    const key = contentKey(attributes)
    const known = this.byContent.get(key)
    if (known !== undefined) return known
    if (this.byContent.size >= this.cardinalityLimit) return (this.overflow ??= { attributes: OVERFLOW_ATTRIBUTES, value: 0 })
    const total: Total = { attributes: Object.freeze({ ...attributes }), value: 0 }
    this.byContent.set(key, total)
    return total
  }

  private report(result: ObservableResult): void {
    for (const total of this.byContent.values()) result.observe(total.value, total.attributes)
    if (this.overflow !== undefined) result.observe(this.overflow.value, this.overflow.attributes)
  }
}

/** The attributes' names and values in name order, serialised: equal for equal sets. */
function contentKey(attributes: Attributes): string {
  return JSON.stringify(
    Object.keys(attributes)
      .sort()
      .map((name) => [name, attributes[name]]),
  )
}
