/** An OpenTelemetry instrument as the Prometheus conversion sees it. */
export interface InstrumentShape {
  /** OTel name, e.g. `gen_ai.client.operation.duration`. */
  name: string
  /** UCUM unit, e.g. `s`, `{token}`, `{EUR}`. */
  unit: string
  /** `counter` (monotonic sum) or `histogram`. */
  kind: 'counter' | 'histogram'
}

/** UCUM units and their Prometheus spelling (the subset finops-ai uses plus common ones). */
const unitWords: Readonly<Record<string, string>> = { s: 'seconds', ms: 'milliseconds', By: 'bytes', '1': 'ratio' }

/** OTel attribute or metric name → Prometheus name: every character outside `[a-zA-Z0-9_:]` becomes `_`. */
export function prometheusLabel(name: string): string {
  return name.replace(/[^a-zA-Z0-9_:]/g, '_')
}

/**
 * The series names Prometheus stores for an OTel instrument, by the OpenTelemetry→Prometheus
 * conversion (the OTel Collector's Prometheus exporters and Prometheus' own OTLP receiver with its
 * default `UnderscoreEscapingWithSuffixes` strategy): dots become `_`; the unit is appended
 * (`s` → `_seconds`), annotations in curly braces (`{token}`, `{EUR}`, `{call}`) are dropped;
 * monotonic counters get `_total`; histograms become `_bucket`, `_sum` and `_count` series.
 */
export function prometheusNames({ name, unit, kind }: InstrumentShape): string[] {
  let base = prometheusLabel(name)
  const annotationFree = unit.replace(/\{[^}]*\}/g, '')
  if (annotationFree !== '') {
    const word = unitWords[annotationFree]
    if (word === undefined) throw new Error(`unit '${unit}' of ${name}: add its Prometheus spelling to unitWords`)
    if (!base.endsWith(`_${word}`)) base = `${base}_${word}`
  }
  return kind === 'counter' ? [`${base}_total`] : [`${base}_bucket`, `${base}_sum`, `${base}_count`]
}
