import type { NormalizedUsage } from '@finops-ai/core'
import { rowMap, section, type SavingsAccumulator } from './savings-call.js'
import type { AutomaticCachingRow } from './savings-types.js'

/** OpenAI caches prompts from this many input tokens on. */
const minimumCachedPrompt = 1024

/** Uncached text input: all input minus cache reads, cache writes, audio and uncached images (see `NormalizedUsage`). */
export function uncachedTextTokens(usage: NormalizedUsage): number {
  const images = (usage.inputImageTokens ?? 0) - (usage.cacheReadImageTokens ?? 0)
  const uncached = usage.inputTokens - (usage.cacheReadTokens ?? 0) - (usage.cacheWriteTokens ?? 0) - (usage.cacheWrite1hTokens ?? 0) - (usage.inputAudioTokens ?? 0) - images
  return Math.max(0, uncached)
}

/**
 * On providers that cache prompts automatically (`providers`), what the uncached text input of
 * calls with at least 1,024 input tokens cost above the cache-read price: an upper bound of what a
 * stable prompt prefix could save.
 */
export function automaticCaching(providers: readonly string[]): SavingsAccumulator<AutomaticCachingRow> {
  const automatic = new Set(providers.map((provider) => provider.toLowerCase()))
  const assumption =
    `Upper bound: as if every uncached input token of calls with ≥ ${minimumCachedPrompt.toLocaleString('en-US')} input tokens (the provider's caching minimum) ` +
    `had been a cache read, priced at the model's cache-read price; only a prompt prefix repeated unchanged is cached, so the real saving is lower. ` +
    `Providers: ${[...automatic].join(', ')}.`
  const groups = rowMap<AutomaticCachingRow>(([team, feature, provider, model]) => ({
    team: team!, feature: feature!, provider: provider!, model: model!, calls: 0, spend: 0, uncachedTokens: 0, saving: 0,
  }))
  return {
    add({ record, team, feature, spend, price, tier, convert }) {
      const usage = record.usage
      if (record.status === 'denied' || price === null || !automatic.has(record.provider.toLowerCase()) || usage.inputTokens < minimumCachedPrompt) return
      const uncached = uncachedTextTokens(usage)
      if (uncached === 0) return
      const cached = price.cost({ ...usage, cacheReadTokens: (usage.cacheReadTokens ?? 0) + uncached }, tier)
      const row = groups.get(team, feature, record.provider, record.model)
      row.calls++
      row.spend += spend
      row.uncachedTokens += uncached
      row.saving += convert(price.cost(usage, tier).totalNanos - cached.totalNanos)
    },
    result: () => section(assumption, groups.rows().filter((row) => row.saving > 0), (row) => row.saving),
  }
}
