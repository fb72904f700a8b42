import { createPriceBook } from '@finops-ai/core'
import { formatScaled } from '../focus/exact-decimal.js'
import { type FocusMeter, probeMeterRates } from '../focus/probe-meter-rates.js'
import { type CliIo, EXIT_INVALID_INPUT, EXIT_OK, UsageError } from './cli-io.js'
import { dateOption, parseCommandLine } from './parse-command-line.js'

/** `finops-ai prices --help`. */
export const PRICES_HELP = `Usage: finops-ai prices <model> [options]

Shows the price the engine would use for a model: per meter, its source and the date it applies to.

Options:
  --provider <name>   gen_ai.provider.name, e.g. openai, anthropic, azure.ai.openai (default: openai)
  --at <date>         the date the price applies to (default: now)
  --tier <name>       service tier (batch, flex, priority, ...)
  --json              print JSON
  -h, --help          show this help

Example:
  finops-ai prices claude-sonnet-4-5 --provider anthropic
`

const labels: Readonly<Record<FocusMeter, string>> = {
  input: 'input', 'input-audio': 'input audio', 'cached-input': 'cached input', 'cache-write': 'cache write',
  'cache-write-1h': 'cache write (1h)', output: 'output', reasoning: 'reasoning', 'output-audio': 'output audio',
  request: 'per request', 'web-search': 'per web search',
}

/** `finops-ai prices`: returns the exit code (1 when the model has no known price). */
export async function pricesCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    provider: { type: 'string' },
    at: { type: 'string' },
    tier: { type: 'string' },
    json: { type: 'boolean' },
  })
  if (values.help) {
    io.stdout.write(PRICES_HELP)
    return EXIT_OK
  }
  if (positionals.length !== 1) throw new UsageError('prices needs exactly one model, e.g. finops-ai prices gpt-4o')
  const model = positionals[0]!
  const provider = values.provider ?? 'openai'
  const at = dateOption('at', values.at) ?? new Date()
  const price = createPriceBook().resolve(provider, model, at)
  if (price === null) {
    io.stderr.write(`no price known for ${provider} model '${model}'; add it to createFinOps({ prices: { '${model}': { input, output } } })\n`)
    return EXIT_INVALID_INPUT
  }
  const rates = probeMeterRates(price, 0, values.tier)
  const matched = price as typeof price & { priceProvider?: string; priceModel?: string }
  const usd = Object.fromEntries(
    (Object.keys(labels) as FocusMeter[]).map((meter) => [meter, meter === 'request' || meter === 'web-search' ? formatScaled(rates[meter], 15) : formatScaled(rates[meter], 9)]),
  )
  const entry = {
    provider,
    model,
    source: price.source,
    matched: matched.priceProvider === undefined ? undefined : `${matched.priceProvider}/${matched.priceModel}`,
    effectiveAt: at.toISOString(),
    serviceTier: values.tier,
    usdPerMillionTokens: Object.fromEntries(Object.entries(usd).filter(([meter]) => meter !== 'request' && meter !== 'web-search')),
    usdPerRequest: usd.request,
    usdPerWebSearch: usd['web-search'],
  }
  if (values.json) {
    io.stdout.write(`${JSON.stringify(entry, null, 2)}\n`)
    return EXIT_OK
  }
  const source = price.source === 'genai-prices' ? 'genai-prices (bundled @pydantic/genai-prices data)' : 'override'
  io.stdout.write(`${provider} ${model}${entry.matched ? ` (matched ${entry.matched})` : ''}\nsource: ${source}\nprice at: ${entry.effectiveAt}${values.tier ? `\nservice tier: ${values.tier}` : ''}\n\n`)
  for (const meter of Object.keys(labels) as FocusMeter[]) {
    const perRequest = meter === 'request' || meter === 'web-search'
    if (perRequest && usd[meter] === '0') continue
    io.stdout.write(`  ${labels[meter].padEnd(18)} ${usd[meter]!.padStart(12)} USD${perRequest ? '' : ' / 1M tokens'}\n`)
  }
  return EXIT_OK
}
