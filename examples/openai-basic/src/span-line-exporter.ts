import { ExportResultCode, type ExportResult } from '@opentelemetry/core'
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base'
import { formatAmount } from './format-amount.js'

const shown = [
  'enduser.id',
  'team.name',
  'feature.name',
  'cost_center',
  'gen_ai.usage.input_tokens',
  'gen_ai.usage.output_tokens',
  'finops.cost.amount',
  'finops.cost.currency',
  'finops.budget.remaining',
  'error.type',
]

/** Attributes holding money, printed with {@link formatAmount} rather than in exponent form. */
const amounts = new Set(['finops.cost.amount', 'finops.budget.remaining'])

/** A console span exporter that prints one compact line per span instead of a whole object; money without exponents. */
export class SpanLineExporter implements SpanExporter {
  constructor(private readonly log: (line: string) => void) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    for (const span of spans) {
      const attributes = shown
        .filter((name) => span.attributes[name] !== undefined)
        .map((name) => {
          const value = span.attributes[name]
          return `${name}=${amounts.has(name) && typeof value === 'number' ? formatAmount(value) : String(value)}`
        })
      this.log(`  span "${span.name}" ${attributes.join(' ')}`)
    }
    done({ code: ExportResultCode.SUCCESS })
  }

  shutdown(): Promise<void> {
    return Promise.resolve()
  }
}
