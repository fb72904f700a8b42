import { createPriceBook, type ResolvedPrice } from '@finops-ai/core'
import { formatScaled } from '../focus/exact-decimal.js'
import { type FocusMeter, probeMeterRates } from '../focus/probe-meter-rates.js'
import { type CliIo, EXIT_INVALID_INPUT, EXIT_OK, UsageError } from './cli-io.js'
import { dateOption, parseCommandLine } from './parse-command-line.js'

/** `finops-ai prices --help`. */
export const PRICES_HELP = `Usage: finops-ai prices <model> [options]

Shows the price the engine would use for a model: per meter, its source, the date of the price
data and the date the price applies to.

Options:
  --provider <name>   gen_ai.provider.name, e.g. openai, anthropic, azure.ai.openai (default: inferred
                      from the model name; when that is ambiguous, the matches are listed)
  --at <date>         the date the price applies to (default: now)
  --tier <name>       service tier (batch, flex, priority, ...)
  --json              print JSON
  -h, --help          show this help

Example:
  finops-ai prices claude-sonnet-4-5
  finops-ai prices gpt-4o --provider azure.ai.openai --tier batch
`

/** Providers tried when `--provider` is not given and the model name alone does not name one. */
const knownProviders = ['openai', 'anthropic', 'gcp.gemini', 'mistral_ai', 'x_ai', 'deepseek', 'cohere', 'perplexity', 'groq', 'aws.bedrock', 'azure.ai.openai', 'gcp.vertex_ai', 'together', 'fireworks', 'openrouter']

const labels: Readonly<Record<FocusMeter, string>> = {
  input: 'input', 'input-audio': 'input audio', 'input-image': 'input image', 'cached-input': 'cached input',
  'cached-input-image': 'cached input image', 'cache-write': 'cache write', 'cache-write-1h': 'cache write (ext. TTL)',
  output: 'output', reasoning: 'reasoning', 'output-audio': 'output audio', 'output-image': 'output image',
  'audio-second': 'per audio second', 'input-character': 'input characters', request: 'per request',
  'web-search': 'per web search', 'file-search': 'per file search', 'code-interpreter-session': 'per code session',
}

/** Meters priced per unit (the others per 1M tokens or characters). */
const perUnit = new Set<FocusMeter>(['audio-second', 'request', 'web-search', 'file-search', 'code-interpreter-session'])

const sources: Readonly<Record<string, string>> = {
  'genai-prices': 'genai-prices',
  'genai-prices:corrected': 'genai-prices, with a correction-layer entry (see PRICE_CORRECTIONS)',
  'genai-prices:approximate': 'genai-prices, APPROXIMATED by a sibling model\'s price',
  override: 'override',
  fallback: 'unknownPrice fallback',
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
  const at = dateOption('at', values.at) ?? new Date()
  const book = createPriceBook()
  let provider = values.provider
  if (provider === undefined) {
    // A provider name the price data does not know lets genai-prices infer it from the model name (see findModel).
    const inferred = book.resolve('', model, at) as (ResolvedPrice & { priceProvider?: string }) | null
    const matches = inferred?.priceProvider !== undefined ? [inferred.priceProvider] : knownProviders.filter((name) => book.resolve(name, model, at) !== null)
    if (matches.length !== 1) {
      io.stderr.write(
        matches.length > 1
          ? `model '${model}' is priced by several providers (${matches.join(', ')}); pass --provider <name>\n`
          : `no price known for model '${model}'; pass --provider, or add it to createFinOps({ prices: { '${model}': { input, output } } })\n`,
      )
      return EXIT_INVALID_INPUT
    }
    provider = matches[0]!
    if (!values.json) io.stderr.write(`provider: ${provider} (inferred from the model name; pass --provider to choose another)\n`)
  }
  const price = book.resolve(provider, model, at)
  if (price === null) {
    io.stderr.write(`no price known for ${provider} model '${model}'; add it to createFinOps({ prices: { '${model}': { input, output } } })\n`)
    return EXIT_INVALID_INPUT
  }
  const rates = probeMeterRates(price, 0, values.tier)
  const matched = price as typeof price & { priceProvider?: string; priceModel?: string }
  const usd = Object.fromEntries((Object.keys(labels) as FocusMeter[]).map((meter) => [meter, formatScaled(rates[meter], perUnit.has(meter) ? 15 : 9)])) as Record<FocusMeter, string>
  const entry = {
    provider,
    model,
    source: price.source,
    priceDataDate: book.dataDate,
    matched: matched.priceProvider === undefined ? undefined : `${matched.priceProvider}/${matched.priceModel}`,
    effectiveAt: at.toISOString(),
    serviceTier: values.tier,
    usdPerMillionTokens: Object.fromEntries(Object.entries(usd).filter(([meter]) => !perUnit.has(meter as FocusMeter) && meter !== 'input-character')),
    usdPerMillionCharacters: usd['input-character'],
    usdPerAudioSecond: usd['audio-second'],
    usdPerRequest: usd.request,
    usdPerWebSearch: usd['web-search'],
    usdPerFileSearch: usd['file-search'],
    usdPerCodeInterpreterSession: usd['code-interpreter-session'],
  }
  if (values.json) {
    io.stdout.write(`${JSON.stringify(entry, null, 2)}\n`)
    return EXIT_OK
  }
  io.stdout.write(
    `${provider} ${model}${entry.matched ? ` (matched ${entry.matched})` : ''}\nsource: ${sources[price.source] ?? price.source}\n` +
      `price data: @pydantic/genai-prices data of ${book.dataDate}\nprice at: ${entry.effectiveAt}${values.tier ? `\nservice tier: ${values.tier}` : ''}\n\n`,
  )
  for (const meter of Object.keys(labels) as FocusMeter[]) {
    const optional = perUnit.has(meter) || meter === 'input-character'
    if (optional && usd[meter] === '0') continue
    const unit = perUnit.has(meter) ? '' : meter === 'input-character' ? ' / 1M characters' : ' / 1M tokens'
    io.stdout.write(`  ${labels[meter].padEnd(22)} ${usd[meter].padStart(12)} USD${unit}\n`)
  }
  return EXIT_OK
}
