// The published-price suite: (provider, model, usage, tier, endpoint) cases whose expected cost is
// computed here from the providers' PUBLISHED prices, written as literal numbers with their source
// and the date they were read — never from @pydantic/genai-prices, the data the code prices with.
// Each case runs through the real price book (bundled data + correction layer + tier table) and
// must match to the nano-USD. A published price the data gets wrong is a correction-layer entry
// (packages/core/src/prices/price-corrections.ts), never a fudge here.
import { createPriceBook, type NormalizedUsage } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'

/** Nano-USD of `quantity` units at `usd` per `per` units, rounded half-up once (as a provider meters one line). */
function charge(quantity: number, usd: number, per = 1_000_000): number {
  return Math.round((quantity * usd * 1_000_000_000) / per)
}
/** Sum of per-meter charges: `[tokens, USD per 1M tokens]` pairs. */
const sum = (...meters: [number, number][]): number => meters.reduce((total, [tokens, usd]) => total + charge(tokens, usd), 0)

// ── OpenAI standard prices, USD per 1M tokens: input / cached input / output.
// Source: https://platform.openai.com/docs/pricing (Standard tab), read 2026-12-02; cross-checked
// against LiteLLM model_prices_and_context_window.json (input_cost_per_token etc.), same day.
const GPT_4O = { input: 2.5, cached: 1.25, output: 10 }
const GPT_4O_2024_05_13 = { input: 5, output: 15 }
const GPT_4O_MINI = { input: 0.15, cached: 0.075, output: 0.6 }
const GPT_4_1 = { input: 2, cached: 0.5, output: 8 }
const GPT_4_1_MINI = { input: 0.4, cached: 0.1, output: 1.6 }
const GPT_4_1_NANO = { input: 0.1, cached: 0.025, output: 0.4 }
const O3 = { input: 2, cached: 0.5, output: 8 } // from 2025-06-10 (OpenAI changelog: o3 price cut by 80 %)
const O3_LAUNCH = { input: 10, output: 40 } // 2025-04-16 to 2025-06-09
const O3_MINI = { input: 1.1, cached: 0.55, output: 4.4 }
const O4_MINI = { input: 1.1, cached: 0.275, output: 4.4 }
const GPT_5 = { input: 1.25, cached: 0.125, output: 10 }
const GPT_5_MINI = { input: 0.25, cached: 0.025, output: 2 }
const GPT_5_NANO = { input: 0.05, cached: 0.005, output: 0.4 }
const GPT_5_2 = { input: 1.75, cached: 0.175, output: 14 }
const GPT_5_4 = { input: 2.5, cached: 0.25, output: 15 }
// GPT-5.4 from 272K input tokens (standard rates are for prompts < 272K): 2× input and cached input, 1.5× output.
const GPT_5_4_LONG = { input: 5, cached: 0.5, output: 22.5 }
const GPT_5_4_MINI = { input: 0.75, cached: 0.075, output: 4.5 }
const GPT_5_5 = { input: 5, cached: 0.5, output: 30 }
// GPT-5.6: cache writes are billed at 1.25× input, reads at 0.1× (OpenAI's GPT-5.6 launch notes,
// 2026-06-26). Current list prices after the cuts in developers.openai.com/api/docs/changelog
// (Terra and Luna 2026-07-30, Sol 2026-08-21), read 2026-12-02; above 272K input tokens 2× input
// and cache, 1.5× output.
const SOL = { input: 4, cached: 0.4, cacheWrite: 5, output: 20 }
const SOL_LONG = { input: 8, cached: 0.8, cacheWrite: 10, output: 30 }
const SOL_LAUNCH = { input: 5, cached: 0.5, cacheWrite: 6.25, output: 30 } // 2026-06-26 to 2026-08-20
const TERRA = { input: 2, cached: 0.2, cacheWrite: 2.5, output: 12 }
const LUNA = { input: 0.2, cached: 0.02, cacheWrite: 0.25, output: 1.2 }
// Embeddings, per 1M tokens; the Batch API halves them.
const EMBEDDING_3_SMALL = 0.02
const EMBEDDING_3_LARGE = 0.13
const EMBEDDING_ADA_002 = 0.1
// Image models (Image generation section): text input / cached text / image input / cached image / image output.
const GPT_IMAGE_1 = { text: 5, cachedText: 1.25, image: 10, cachedImage: 2.5, imageOutput: 40 }
const GPT_IMAGE_1_MINI = { text: 2, cachedText: 0.2, image: 2.5, cachedImage: 0.25, imageOutput: 8 }
const GPT_IMAGE_1_5 = { text: 5, cachedText: 1.25, textOutput: 10, image: 8, cachedImage: 2, imageOutput: 32 }
// Audio: whisper-1 $0.006 per minute; gpt-4o-transcribe text in $2.50, audio in $6, out $10;
// gpt-4o-mini-transcribe $1.25 / $3 / $5; tts-1 $15 and tts-1-hd $30 per 1M characters
// (LiteLLM input_cost_per_character 1.5e-05 and 3e-05).
const WHISPER_PER_MINUTE = 0.006
const GPT_4O_TRANSCRIBE = { text: 2.5, audio: 6, output: 10 }
const GPT_4O_MINI_TRANSCRIBE = { text: 1.25, audio: 3, output: 5 }
const TTS_1_PER_MILLION_CHARACTERS = 15
const TTS_1_HD_PER_MILLION_CHARACTERS = 30
// Built-in tools (Tools section): web search $10 per 1K calls, file search $2.50 per 1K calls,
// Code Interpreter $0.03 per container (LiteLLM code_interpreter_cost_per_session 0.03).
const WEB_SEARCH_PER_CALL = 0.01
const FILE_SEARCH_PER_CALL = 0.0025
const CODE_INTERPRETER_PER_SESSION = 0.03

// ── OpenAI priority processing, per 1M tokens: https://openai.com/api-priority-processing/, read
// 2026-12-02; LiteLLM *_priority keys agree (e.g. gpt-4o input 4.25e-06, cached 2.125e-06, output 1.7e-05).
const PRIORITY = {
  'gpt-4o': { input: 4.25, cached: 2.125, output: 17 },
  'gpt-4o-2024-05-13': { input: 8.75, output: 26.25 },
  'gpt-4o-mini': { input: 0.25, cached: 0.125, output: 1 },
  'gpt-4.1': { input: 3.5, cached: 0.875, output: 14 },
  'gpt-4.1-mini': { input: 0.7, cached: 0.175, output: 2.8 },
  'gpt-4.1-nano': { input: 0.2, cached: 0.05, output: 0.8 },
  o3: { input: 3.5, cached: 0.875, output: 14 },
  'o4-mini': { input: 2, cached: 0.5, output: 8 },
  'gpt-5': { input: 2.5, cached: 0.25, output: 20 },
  'gpt-5-mini': { input: 0.45, cached: 0.045, output: 3.6 },
  'gpt-5.2': { input: 3.5, cached: 0.35, output: 28 },
  'gpt-5.4': { input: 5, cached: 0.5, output: 30 },
  'gpt-5.4-mini': { input: 1.5, cached: 0.15, output: 9 },
  'gpt-5.5': { input: 12.5, cached: 1.25, output: 75 },
}
// ── OpenAI Flex processing (Flex tab of the pricing page, read 2026-12-02): the Batch prices.
const FLEX = { o3: { input: 1, cached: 0.25, output: 4 }, 'o4-mini': { input: 0.55, cached: 0.1375, output: 2.2 }, 'gpt-5': { input: 0.625, cached: 0.0625, output: 5 } }
// ── OpenAI Batch API (Batch tab, read 2026-12-02): gpt-4o $1.25 / $5, gpt-4o-mini $0.075 / $0.30, gpt-4.1 $1 / $4.
const BATCH = { 'gpt-4o': { input: 1.25, output: 5 }, 'gpt-4o-mini': { input: 0.075, output: 0.3 }, 'gpt-4.1': { input: 1, output: 4 } }

// ── Anthropic, per 1M tokens: base input / 5m cache write / 1h cache write / cache read / output.
// Source: https://docs.anthropic.com/en/docs/about-claude/pricing, read 2026-12-02 (model table,
// "Long context pricing": above 200K input tokens Sonnet 4 / 4.5 cost $6 input, $22.50 output, cache
// prices scaling with input; "Batch processing": 50 % of these; web search $10 per 1,000 searches;
// the `priority` service tier is committed capacity billed at the standard rates). LiteLLM agrees.
const OPUS_4_1 = { input: 15, write5m: 18.75, write1h: 30, read: 1.5, output: 75 }
const OPUS_4_5 = { input: 5, write5m: 6.25, write1h: 10, read: 0.5, output: 25 }
const SONNET_4 = { input: 3, write5m: 3.75, write1h: 6, read: 0.3, output: 15 }
const SONNET_4_LONG = { input: 6, write5m: 7.5, write1h: 12, read: 0.6, output: 22.5 }
const HAIKU_4_5 = { input: 1, write5m: 1.25, write1h: 2, read: 0.1, output: 5 }
const HAIKU_3_5 = { input: 0.8, write5m: 1, write1h: 1.6, read: 0.08, output: 4 }
const HAIKU_3 = { input: 0.25, write5m: 0.3, write1h: 0.5, read: 0.03, output: 1.25 }
// Sonnet 4.6 and Opus 4.6 have no long-context surcharge since 2026-03-13 (1M context at standard rates).
const SONNET_4_6 = { input: 3, output: 15 }
const OPUS_4_6 = { input: 5, output: 25 }
const ANTHROPIC_WEB_SEARCH = 0.01
// "Data residency pricing" (same page, read 2026-12-02): US-only inference (`inference_geo: "us"`) on
// Opus 4.6, Sonnet 4.6 and later is 1.1× on all token categories (input, output, cache writes and
// reads); fees such as web search are unchanged. Sonnet 4.6 ×1.1: $3.30 / $4.125 / $6.60 / $0.33 / $16.50.
const SONNET_4_6_US = { input: 3.3, write5m: 4.125, write1h: 6.6, read: 0.33, output: 16.5 }
const OPUS_4_6_US = { input: 5.5, output: 27.5 }

const afterSolCut = new Date('2026-10-01T00:00:00Z')

interface Case {
  name: string
  provider: string
  model: string
  endpoint: string
  usage: NormalizedUsage
  tier?: string
  /** `usage.inference_geo` the response reports. */
  geo?: string
  at?: Date
  /** Expected cost in nano-USD, from the published prices above. */
  expected: number
}

const cases: Case[] = [
  // ── OpenAI chat / Responses, standard tier
  { name: 'gpt-4o', provider: 'openai', model: 'gpt-4o', endpoint: 'chat', usage: { inputTokens: 1200, outputTokens: 300 }, expected: sum([1200, GPT_4O.input], [300, GPT_4O.output]) },
  { name: 'gpt-4o snapshot with cache reads', provider: 'openai', model: 'gpt-4o-2024-11-20', endpoint: 'chat', usage: { inputTokens: 5000, cacheReadTokens: 4096, outputTokens: 250 }, expected: sum([904, GPT_4O.input], [4096, GPT_4O.cached], [250, GPT_4O.output]) },
  { name: 'gpt-4o-2024-05-13', provider: 'openai', model: 'gpt-4o-2024-05-13', endpoint: 'chat', usage: { inputTokens: 1000, outputTokens: 1000 }, expected: sum([1000, GPT_4O_2024_05_13.input], [1000, GPT_4O_2024_05_13.output]) },
  { name: 'gpt-4o-mini', provider: 'openai', model: 'gpt-4o-mini', endpoint: 'chat', usage: { inputTokens: 20_000, cacheReadTokens: 10_000, outputTokens: 2000 }, expected: sum([10_000, GPT_4O_MINI.input], [10_000, GPT_4O_MINI.cached], [2000, GPT_4O_MINI.output]) },
  { name: 'gpt-4.1', provider: 'openai', model: 'gpt-4.1-2025-04-14', endpoint: 'responses', usage: { inputTokens: 8000, cacheReadTokens: 2000, outputTokens: 1000 }, expected: sum([6000, GPT_4_1.input], [2000, GPT_4_1.cached], [1000, GPT_4_1.output]) },
  { name: 'gpt-4.1-mini', provider: 'openai', model: 'gpt-4.1-mini', endpoint: 'chat', usage: { inputTokens: 10_000, outputTokens: 5000 }, expected: sum([10_000, GPT_4_1_MINI.input], [5000, GPT_4_1_MINI.output]) },
  { name: 'gpt-4.1-nano', provider: 'openai', model: 'gpt-4.1-nano', endpoint: 'chat', usage: { inputTokens: 40_000, cacheReadTokens: 40_000, outputTokens: 100 }, expected: sum([40_000, GPT_4_1_NANO.cached], [100, GPT_4_1_NANO.output]) },
  { name: 'o3 with reasoning', provider: 'openai', model: 'o3', endpoint: 'responses', at: afterSolCut, usage: { inputTokens: 3000, outputTokens: 4000, reasoningTokens: 3500 }, expected: sum([3000, O3.input], [4000, O3.output]) },
  { name: 'o3 before its price cut', provider: 'openai', model: 'o3-2025-04-16', endpoint: 'chat', at: new Date('2025-05-01T00:00:00Z'), usage: { inputTokens: 1000, outputTokens: 1000 }, expected: sum([1000, O3_LAUNCH.input], [1000, O3_LAUNCH.output]) },
  { name: 'o3-mini', provider: 'openai', model: 'o3-mini', endpoint: 'chat', usage: { inputTokens: 2000, cacheReadTokens: 1000, outputTokens: 500 }, expected: sum([1000, O3_MINI.input], [1000, O3_MINI.cached], [500, O3_MINI.output]) },
  { name: 'o4-mini', provider: 'openai', model: 'o4-mini', endpoint: 'chat', usage: { inputTokens: 4000, cacheReadTokens: 2000, outputTokens: 2000, reasoningTokens: 1500 }, expected: sum([2000, O4_MINI.input], [2000, O4_MINI.cached], [2000, O4_MINI.output]) },
  { name: 'gpt-5', provider: 'openai', model: 'gpt-5-2025-08-07', endpoint: 'responses', usage: { inputTokens: 10_000, cacheReadTokens: 8000, outputTokens: 3000, reasoningTokens: 2000 }, expected: sum([2000, GPT_5.input], [8000, GPT_5.cached], [3000, GPT_5.output]) },
  { name: 'gpt-5-mini', provider: 'openai', model: 'gpt-5-mini', endpoint: 'chat', usage: { inputTokens: 1000, outputTokens: 1000 }, expected: sum([1000, GPT_5_MINI.input], [1000, GPT_5_MINI.output]) },
  { name: 'gpt-5-nano', provider: 'openai', model: 'gpt-5-nano', endpoint: 'chat', usage: { inputTokens: 100_000, cacheReadTokens: 50_000, outputTokens: 10_000 }, expected: sum([50_000, GPT_5_NANO.input], [50_000, GPT_5_NANO.cached], [10_000, GPT_5_NANO.output]) },
  { name: 'gpt-5.2', provider: 'openai', model: 'gpt-5.2', endpoint: 'responses', usage: { inputTokens: 2000, cacheReadTokens: 1000, outputTokens: 1000 }, expected: sum([1000, GPT_5_2.input], [1000, GPT_5_2.cached], [1000, GPT_5_2.output]) },
  { name: 'gpt-5.4 short context', provider: 'openai', model: 'gpt-5.4', endpoint: 'responses', usage: { inputTokens: 271_999, outputTokens: 1000 }, expected: sum([271_999, GPT_5_4.input], [1000, GPT_5_4.output]) },
  { name: 'gpt-5.4 long context', provider: 'openai', model: 'gpt-5.4', endpoint: 'responses', usage: { inputTokens: 300_000, cacheReadTokens: 100_000, outputTokens: 2000 }, expected: sum([200_000, GPT_5_4_LONG.input], [100_000, GPT_5_4_LONG.cached], [2000, GPT_5_4_LONG.output]) },
  { name: 'gpt-5.4-mini', provider: 'openai', model: 'gpt-5.4-mini', endpoint: 'chat', usage: { inputTokens: 3000, cacheReadTokens: 1000, outputTokens: 800 }, expected: sum([2000, GPT_5_4_MINI.input], [1000, GPT_5_4_MINI.cached], [800, GPT_5_4_MINI.output]) },
  { name: 'gpt-5.5', provider: 'openai', model: 'gpt-5.5', endpoint: 'responses', usage: { inputTokens: 5000, cacheReadTokens: 4000, outputTokens: 1000 }, expected: sum([1000, GPT_5_5.input], [4000, GPT_5_5.cached], [1000, GPT_5_5.output]) },

  // ── Item 1: OpenAI cache writes (chat `cache_write_tokens`, Responses 30m / 12h split)
  { name: 'gpt-5.6-sol chat cache write', provider: 'openai', model: 'gpt-5.6-sol', endpoint: 'chat', at: afterSolCut, usage: { inputTokens: 12_000, cacheReadTokens: 2000, cacheWriteTokens: 8000, outputTokens: 500 }, expected: sum([2000, SOL.input], [2000, SOL.cached], [8000, SOL.cacheWrite], [500, SOL.output]) },
  { name: 'gpt-5.6-sol Responses 30m + 12h writes', provider: 'openai', model: 'gpt-5.6-sol-2026-06-26', endpoint: 'responses', at: afterSolCut, usage: { inputTokens: 10_000, cacheWriteTokens: 4000, cacheWrite1hTokens: 5000, outputTokens: 100 }, expected: sum([1000, SOL.input], [9000, SOL.cacheWrite], [100, SOL.output]) },
  { name: 'gpt-5.6-sol long context with writes', provider: 'openai', model: 'gpt-5.6-sol', endpoint: 'responses', at: afterSolCut, usage: { inputTokens: 400_000, cacheReadTokens: 300_000, cacheWriteTokens: 50_000, outputTokens: 4000 }, expected: sum([50_000, SOL_LONG.input], [300_000, SOL_LONG.cached], [50_000, SOL_LONG.cacheWrite], [4000, SOL_LONG.output]) },
  { name: 'gpt-5.6-sol at its launch price', provider: 'openai', model: 'gpt-5.6-sol', endpoint: 'chat', at: new Date('2026-07-15T00:00:00Z'), usage: { inputTokens: 3000, cacheWriteTokens: 2000, outputTokens: 1000 }, expected: sum([1000, SOL_LAUNCH.input], [2000, SOL_LAUNCH.cacheWrite], [1000, SOL_LAUNCH.output]) },
  { name: 'gpt-5.6-terra cache write', provider: 'openai', model: 'gpt-5.6-terra', endpoint: 'chat', at: afterSolCut, usage: { inputTokens: 6000, cacheReadTokens: 1000, cacheWriteTokens: 4000, outputTokens: 2000 }, expected: sum([1000, TERRA.input], [1000, TERRA.cached], [4000, TERRA.cacheWrite], [2000, TERRA.output]) },
  { name: 'gpt-5.6-luna cache write', provider: 'openai', model: 'gpt-5.6-luna', endpoint: 'responses', at: afterSolCut, usage: { inputTokens: 100_000, cacheReadTokens: 40_000, cacheWriteTokens: 40_000, outputTokens: 10_000 }, expected: sum([20_000, LUNA.input], [40_000, LUNA.cached], [40_000, LUNA.cacheWrite], [10_000, LUNA.output]) },

  // ── Item 2: service tiers per provider and model
  ...Object.entries(PRIORITY).map(([model, price]): Case => ({
    name: `${model} priority`,
    provider: 'openai',
    model,
    endpoint: 'chat',
    tier: 'priority',
    at: afterSolCut,
    usage: { inputTokens: 4000, cacheReadTokens: 'cached' in price ? 2000 : 0, outputTokens: 1000 },
    expected: 'cached' in price ? sum([2000, price.input], [2000, price.cached], [1000, price.output]) : sum([4000, price.input], [1000, price.output]),
  })),
  ...Object.entries(FLEX).map(([model, price]): Case => ({
    name: `${model} flex`,
    provider: 'openai',
    model,
    endpoint: 'responses',
    tier: 'flex',
    at: afterSolCut,
    usage: { inputTokens: 8000, cacheReadTokens: 4000, outputTokens: 2000 },
    expected: sum([4000, price.input], [4000, price.cached], [2000, price.output]),
  })),
  ...Object.entries(BATCH).map(([model, price]): Case => ({
    name: `${model} batch`,
    provider: 'openai',
    model,
    endpoint: 'batches',
    tier: 'batch',
    usage: { inputTokens: 10_000, outputTokens: 2000 },
    expected: sum([10_000, price.input], [2000, price.output]),
  })),
  { name: 'text-embedding-3-small batch', provider: 'openai', model: 'text-embedding-3-small', endpoint: 'batches', tier: 'batch', usage: { inputTokens: 1_000_000, outputTokens: 0 }, expected: sum([1_000_000, EMBEDDING_3_SMALL / 2]) },
  { name: 'default tier reported', provider: 'openai', model: 'gpt-4o', endpoint: 'chat', tier: 'default', usage: { inputTokens: 1000, outputTokens: 100 }, expected: sum([1000, GPT_4O.input], [100, GPT_4O.output]) },

  // ── Embeddings
  { name: 'text-embedding-3-small', provider: 'openai', model: 'text-embedding-3-small', endpoint: 'embeddings', usage: { inputTokens: 250_000, outputTokens: 0 }, expected: sum([250_000, EMBEDDING_3_SMALL]) },
  { name: 'text-embedding-3-large', provider: 'openai', model: 'text-embedding-3-large', endpoint: 'embeddings', usage: { inputTokens: 100_000, outputTokens: 0 }, expected: sum([100_000, EMBEDDING_3_LARGE]) },
  { name: 'text-embedding-ada-002', provider: 'openai', model: 'text-embedding-ada-002', endpoint: 'embeddings', usage: { inputTokens: 100_000, outputTokens: 0 }, expected: sum([100_000, EMBEDDING_ADA_002]) },

  // ── Images (token usage of GPT image models)
  { name: 'gpt-image-1 generate', provider: 'openai', model: 'gpt-image-1', endpoint: 'images.generate', usage: { inputTokens: 50, outputTokens: 4160, outputImageTokens: 4160 }, expected: sum([50, GPT_IMAGE_1.text], [4160, GPT_IMAGE_1.imageOutput]) },
  { name: 'gpt-image-1 edit with image input', provider: 'openai', model: 'gpt-image-1', endpoint: 'images.edit', usage: { inputTokens: 1400, inputImageTokens: 1360, outputTokens: 1056, outputImageTokens: 1056 }, expected: sum([40, GPT_IMAGE_1.text], [1360, GPT_IMAGE_1.image], [1056, GPT_IMAGE_1.imageOutput]) },
  { name: 'gpt-image-1 edit with cached image input', provider: 'openai', model: 'gpt-image-1', endpoint: 'images.edit', usage: { inputTokens: 1400, cacheReadTokens: 1024, inputImageTokens: 1360, cacheReadImageTokens: 1000, outputTokens: 1056, outputImageTokens: 1056 }, expected: sum([16, GPT_IMAGE_1.text], [24, GPT_IMAGE_1.cachedText], [360, GPT_IMAGE_1.image], [1000, GPT_IMAGE_1.cachedImage], [1056, GPT_IMAGE_1.imageOutput]) },
  { name: 'gpt-image-1-mini edit', provider: 'openai', model: 'gpt-image-1-mini', endpoint: 'images.edit', usage: { inputTokens: 600, inputImageTokens: 500, outputTokens: 272, outputImageTokens: 272 }, expected: sum([100, GPT_IMAGE_1_MINI.text], [500, GPT_IMAGE_1_MINI.image], [272, GPT_IMAGE_1_MINI.imageOutput]) },
  { name: 'gpt-image-1.5 with text and image output', provider: 'openai', model: 'gpt-image-1.5', endpoint: 'images.generate', usage: { inputTokens: 2000, cacheReadTokens: 500, inputImageTokens: 1000, cacheReadImageTokens: 300, outputTokens: 4400, outputImageTokens: 4160 }, expected: sum([800, GPT_IMAGE_1_5.text], [200, GPT_IMAGE_1_5.cachedText], [700, GPT_IMAGE_1_5.image], [300, GPT_IMAGE_1_5.cachedImage], [240, GPT_IMAGE_1_5.textOutput], [4160, GPT_IMAGE_1_5.imageOutput]) },

  // ── Audio
  { name: 'whisper-1 transcription by duration', provider: 'openai', model: 'whisper-1', endpoint: 'audio.transcriptions', usage: { inputTokens: 0, outputTokens: 0, audioSeconds: 95 }, expected: charge(95, WHISPER_PER_MINUTE, 60) },
  { name: 'whisper-1 translation rounded to the second', provider: 'openai', model: 'whisper-1', endpoint: 'audio.translations', usage: { inputTokens: 0, outputTokens: 0, audioSeconds: 600.4 }, expected: charge(600, WHISPER_PER_MINUTE, 60) },
  { name: 'gpt-4o-transcribe tokens', provider: 'openai', model: 'gpt-4o-transcribe', endpoint: 'audio.transcriptions', usage: { inputTokens: 1200, inputAudioTokens: 1150, outputTokens: 300 }, expected: sum([50, GPT_4O_TRANSCRIBE.text], [1150, GPT_4O_TRANSCRIBE.audio], [300, GPT_4O_TRANSCRIBE.output]) },
  { name: 'gpt-4o-mini-transcribe tokens', provider: 'openai', model: 'gpt-4o-mini-transcribe', endpoint: 'audio.transcriptions', usage: { inputTokens: 1000, inputAudioTokens: 1000, outputTokens: 200 }, expected: sum([1000, GPT_4O_MINI_TRANSCRIBE.audio], [200, GPT_4O_MINI_TRANSCRIBE.output]) },
  { name: 'tts-1 speech per character', provider: 'openai', model: 'tts-1', endpoint: 'audio.speech', usage: { inputTokens: 0, outputTokens: 0, inputCharacters: 4096 }, expected: charge(4096, TTS_1_PER_MILLION_CHARACTERS) },
  { name: 'tts-1-hd speech per character', provider: 'openai', model: 'tts-1-hd', endpoint: 'audio.speech', usage: { inputTokens: 0, outputTokens: 0, inputCharacters: 2500 }, expected: charge(2500, TTS_1_HD_PER_MILLION_CHARACTERS) },

  // ── Responses tool fees
  { name: 'gpt-4o web search calls', provider: 'openai', model: 'gpt-4o', endpoint: 'responses', usage: { inputTokens: 1000, outputTokens: 500, webSearchRequests: 3 }, expected: sum([1000, GPT_4O.input], [500, GPT_4O.output]) + charge(3, WEB_SEARCH_PER_CALL, 1) },
  { name: 'gpt-4.1 file search calls', provider: 'openai', model: 'gpt-4.1', endpoint: 'responses', usage: { inputTokens: 2000, outputTokens: 200, fileSearchCalls: 2 }, expected: sum([2000, GPT_4_1.input], [200, GPT_4_1.output]) + charge(2, FILE_SEARCH_PER_CALL, 1) },
  { name: 'gpt-5 code interpreter session', provider: 'openai', model: 'gpt-5', endpoint: 'responses', usage: { inputTokens: 3000, outputTokens: 1000, codeInterpreterSessions: 1 }, expected: sum([3000, GPT_5.input], [1000, GPT_5.output]) + charge(1, CODE_INTERPRETER_PER_SESSION, 1) },

  // ── Anthropic messages
  { name: 'claude-opus-4-1 with both cache TTLs', provider: 'anthropic', model: 'claude-opus-4-1-20250805', endpoint: 'messages', usage: { inputTokens: 20_000, cacheReadTokens: 10_000, cacheWriteTokens: 4000, cacheWrite1hTokens: 2000, outputTokens: 1000 }, expected: sum([4000, OPUS_4_1.input], [10_000, OPUS_4_1.read], [4000, OPUS_4_1.write5m], [2000, OPUS_4_1.write1h], [1000, OPUS_4_1.output]) },
  { name: 'claude-opus-4-5', provider: 'anthropic', model: 'claude-opus-4-5-20251101', endpoint: 'messages', usage: { inputTokens: 10_000, cacheReadTokens: 8000, outputTokens: 2000 }, expected: sum([2000, OPUS_4_5.input], [8000, OPUS_4_5.read], [2000, OPUS_4_5.output]) },
  { name: 'claude-sonnet-4 short context', provider: 'anthropic', model: 'claude-sonnet-4-20250514', endpoint: 'messages', usage: { inputTokens: 200_000, outputTokens: 1000 }, expected: sum([200_000, SONNET_4.input], [1000, SONNET_4.output]) },
  // Item 4: the correction layer adds Sonnet 4's > 200K tier the bundled data lacks.
  { name: 'claude-sonnet-4 long context (correction layer)', provider: 'anthropic', model: 'claude-sonnet-4-20250514', endpoint: 'messages', usage: { inputTokens: 250_000, outputTokens: 2000 }, expected: sum([250_000, SONNET_4_LONG.input], [2000, SONNET_4_LONG.output]) },
  { name: 'claude-sonnet-4 long context with cache (correction layer)', provider: 'anthropic', model: 'claude-sonnet-4-0', endpoint: 'messages', usage: { inputTokens: 300_000, cacheReadTokens: 200_000, cacheWriteTokens: 50_000, cacheWrite1hTokens: 10_000, outputTokens: 4000 }, expected: sum([40_000, SONNET_4_LONG.input], [200_000, SONNET_4_LONG.read], [50_000, SONNET_4_LONG.write5m], [10_000, SONNET_4_LONG.write1h], [4000, SONNET_4_LONG.output]) },
  { name: 'claude-sonnet-4 batch long context', provider: 'anthropic', model: 'claude-sonnet-4-20250514', endpoint: 'messages.batches', tier: 'batch', usage: { inputTokens: 250_000, outputTokens: 2000 }, expected: sum([250_000, SONNET_4_LONG.input / 2], [2000, SONNET_4_LONG.output / 2]) },
  { name: 'claude-sonnet-4-5 long context', provider: 'anthropic', model: 'claude-sonnet-4-5-20250929', endpoint: 'messages', usage: { inputTokens: 210_000, cacheReadTokens: 100_000, outputTokens: 1000 }, expected: sum([110_000, SONNET_4_LONG.input], [100_000, SONNET_4_LONG.read], [1000, SONNET_4_LONG.output]) },
  { name: 'claude-sonnet-4-6 1M context at standard rates', provider: 'anthropic', model: 'claude-sonnet-4-6', endpoint: 'messages', at: afterSolCut, usage: { inputTokens: 500_000, outputTokens: 2000 }, expected: sum([500_000, SONNET_4_6.input], [2000, SONNET_4_6.output]) },
  { name: 'claude-opus-4-6 1M context at standard rates', provider: 'anthropic', model: 'claude-opus-4-6', endpoint: 'messages', at: afterSolCut, usage: { inputTokens: 300_000, outputTokens: 1000 }, expected: sum([300_000, OPUS_4_6.input], [1000, OPUS_4_6.output]) },
  { name: 'claude-haiku-4-5 with 5m writes', provider: 'anthropic', model: 'claude-haiku-4-5-20251001', endpoint: 'messages', usage: { inputTokens: 12_000, cacheWriteTokens: 10_000, outputTokens: 800 }, expected: sum([2000, HAIKU_4_5.input], [10_000, HAIKU_4_5.write5m], [800, HAIKU_4_5.output]) },
  { name: 'claude-3-5-haiku with 1h writes', provider: 'anthropic', model: 'claude-3-5-haiku-20241022', endpoint: 'messages', usage: { inputTokens: 12_000, cacheReadTokens: 2000, cacheWrite1hTokens: 8000, outputTokens: 500 }, expected: sum([2000, HAIKU_3_5.input], [2000, HAIKU_3_5.read], [8000, HAIKU_3_5.write1h], [500, HAIKU_3_5.output]) },
  { name: 'claude-3-haiku', provider: 'anthropic', model: 'claude-3-haiku-20240307', endpoint: 'messages', usage: { inputTokens: 40_000, outputTokens: 4000 }, expected: sum([40_000, HAIKU_3.input], [4000, HAIKU_3.output]) },
  { name: 'claude-sonnet-4-5 priority = standard', provider: 'anthropic', model: 'claude-sonnet-4-5', endpoint: 'messages', tier: 'priority', usage: { inputTokens: 10_000, outputTokens: 1000 }, expected: sum([10_000, SONNET_4.input], [1000, SONNET_4.output]) },
  { name: 'claude-opus-4-5 batch', provider: 'anthropic', model: 'claude-opus-4-5', endpoint: 'messages.batches', tier: 'batch', usage: { inputTokens: 10_000, cacheReadTokens: 4000, outputTokens: 2000 }, expected: sum([6000, OPUS_4_5.input / 2], [4000, OPUS_4_5.read / 2], [2000, OPUS_4_5.output / 2]) },
  { name: 'claude-sonnet-4-6 US-only inference with cache', provider: 'anthropic', model: 'claude-sonnet-4-6', endpoint: 'messages', geo: 'us', usage: { inputTokens: 20_000, cacheReadTokens: 10_000, cacheWriteTokens: 4000, cacheWrite1hTokens: 2000, outputTokens: 1000 }, expected: sum([4000, SONNET_4_6_US.input], [10_000, SONNET_4_6_US.read], [4000, SONNET_4_6_US.write5m], [2000, SONNET_4_6_US.write1h], [1000, SONNET_4_6_US.output]) },
  { name: 'claude-opus-4-6 US-only inference with web search', provider: 'anthropic', model: 'claude-opus-4-6', endpoint: 'messages', geo: 'us', usage: { inputTokens: 10_000, outputTokens: 2000, webSearchRequests: 3 }, expected: sum([10_000, OPUS_4_6_US.input], [2000, OPUS_4_6_US.output]) + charge(3, ANTHROPIC_WEB_SEARCH, 1) },
  { name: 'claude-opus-4-6 global inference', provider: 'anthropic', model: 'claude-opus-4-6', endpoint: 'messages', geo: 'global', usage: { inputTokens: 10_000, outputTokens: 2000 }, expected: sum([10_000, OPUS_4_6.input], [2000, OPUS_4_6.output]) },
  { name: 'claude-haiku-4-5 web search', provider: 'anthropic', model: 'claude-haiku-4-5', endpoint: 'messages', usage: { inputTokens: 5000, outputTokens: 500, webSearchRequests: 2 }, expected: sum([5000, HAIKU_4_5.input], [500, HAIKU_4_5.output]) + charge(2, ANTHROPIC_WEB_SEARCH, 1) },
]

const book = createPriceBook()

describe('published prices', () => {
  it('has at least 60 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60)
  })

  it.each(cases)('$endpoint $name costs exactly what the provider bills', ({ provider, model, usage, tier, geo, at, expected }) => {
    const price = book.resolve(provider, model, at ?? afterSolCut)
    expect(price).not.toBeNull()
    expect(price!.cost(usage, { serviceTier: tier, inferenceGeo: geo }).totalNanos).toBe(expected)
  })
})

describe('names the data does not know (item 5)', () => {
  it('prices an Azure deployment alias at the model it names', () => {
    const aliased = createPriceBook({ aliases: { 'prod-gpt4o-eastus': 'gpt-4o' } })
    const price = aliased.resolve('azure.ai.openai', 'prod-gpt4o-eastus')
    expect(price?.cost({ inputTokens: 1200, outputTokens: 300 }).totalNanos).toBe(sum([1200, GPT_4O.input], [300, GPT_4O.output]))
  })

  it('prices a newer Claude sibling approximately, and says so', () => {
    // Sonnet 5: $2 input / $10 output (Anthropic pricing page, read 2026-12-02); claude-sonnet-5-5 is not listed.
    const price = book.resolve('anthropic', 'claude-sonnet-5-5')
    expect(price?.source).toBe('genai-prices:approximate')
    expect(price?.cost({ inputTokens: 1000, outputTokens: 1000 }).totalNanos).toBe(sum([1000, 2], [1000, 10]))
  })
})
