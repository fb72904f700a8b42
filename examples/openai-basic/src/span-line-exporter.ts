import { ExportResultCode, type ExportResult } from '@opentelemetry/core'
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base'

const shown = [
  'enduser.id',
  'team.name',
  'feature.name',
  'gen_ai.usage.input_tokens',
  'gen_ai.usage.output_tokens',
  'finops.cost.amount',
  'finops.cost.currency',
  'finops.budget.remaining',
  'error.type',
]

/** A console span exporter that prints one compact line per span instead of a whole object. */
export class SpanLineExporter implements SpanExporter {
  constructor(private readonly log: (line: string) => void) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    for (const span of spans) {
      const attributes = shown
        .filter((name) => span.attributes[name] !== undefined)
        .map((name) => `${name}=${String(span.attributes[name])}`)
      this.log(`  span "${span.name}" ${attributes.join(' ')}`)
    }
    done({ code: ExportResultCode.SUCCESS })
  }

  shutdown(): Promise<void> {
    return Promise.resolve()
  }
}
