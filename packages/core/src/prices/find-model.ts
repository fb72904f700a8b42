import type { ModelInfo, Provider } from '@pydantic/genai-prices'
import { genaiPricesProviderId } from './genai-prices-provider.js'
import { isSiblingMatch, matchesModel, matchingRule } from './match-model.js'
import type { PriceData } from './price-data.js'

/** A model entry found in the price data, with the provider whose table held it. */
export interface FoundModel {
  provider: Provider
  model: ModelInfo
  /**
   * How it was found: in the provider's own table, in one of its `fallback_model_providers`, in the
   * provider whose `model_match` claims the id (only when the provider is unknown to the data), or
   * as the one price that every provider listing the model agrees on.
   */
  via: 'provider' | 'fallback' | 'model_match' | 'unambiguous'
  /** True when a prefix rule matched a newer or unlisted sibling (see `isSiblingMatch`): the price is an approximation. */
  approximate: boolean
}

/**
 * Finds the genai-prices entry for `model` at `providerName` (a `gen_ai.provider.name`). Called
 * once per (provider, model) by the price book, never per call. Order:
 * 1. the mapped provider's models (first `match` wins, as in genai-prices), then its
 *    `fallback_model_providers` (e.g. Azure → OpenAI, Anthropic, …);
 * 2. if the data does not know the provider: the provider whose `model_match` claims the id
 *    (genai-prices' own inference, e.g. `gpt-` → OpenAI) and its fallbacks;
 * 3. every provider's table: used only when all providers listing the model agree on its prices
 *    (identical price data); otherwise the model counts as unknown.
 * Each step is tried with the model id lower-cased, then with a `-YYYYMMDD` date rewritten to
 * `-YYYY-MM-DD` (genai-prices does the same).
 */
export function findModel(data: PriceData, providerName: string, model: string): FoundModel | undefined {
  const ids = candidateIds(model)
  const provider = data.provider(genaiPricesProviderId(providerName))
  if (provider) {
    const found = inProvider(data, provider, ids)
    if (found) return found
  } else {
    const claimant = data.providers().find((entry) => entry.model_match && ids.some((id) => matchesModel(entry.model_match!, id)))
    const found = claimant && inProvider(data, claimant, ids)
    if (found) return { ...found, via: 'model_match' }
  }
  return unambiguous(data, ids)
}

function inProvider(data: PriceData, provider: Provider, ids: readonly string[]): FoundModel | undefined {
  for (const id of ids) {
    const own = provider.models.find((entry) => matchesModel(entry.match, id))
    if (own) return { provider, model: own, via: 'provider', approximate: approximate(own, id) }
    for (const fallbackId of provider.fallback_model_providers ?? []) {
      const fallback = data.providers().find((entry) => entry.id === fallbackId)
      const entry = fallback?.models.find((candidate) => matchesModel(candidate.match, id))
      if (fallback && entry) return { provider: fallback, model: entry, via: 'fallback', approximate: approximate(entry, id) }
    }
  }
  return undefined
}

function unambiguous(data: PriceData, ids: readonly string[]): FoundModel | undefined {
  for (const id of ids) {
    const hits: FoundModel[] = []
    for (const provider of data.providers()) {
      const entry = provider.models.find((candidate) => matchesModel(candidate.match, id))
      if (entry) hits.push({ provider, model: entry, via: 'unambiguous', approximate: approximate(entry, id) })
    }
    const prices = new Set(hits.map((hit) => JSON.stringify(hit.model.prices)))
    if (prices.size === 1) return hits[0]
    if (prices.size > 1) return undefined
  }
  return undefined
}

function approximate(model: ModelInfo, id: string): boolean {
  const rule = matchingRule(model.match, id)
  return rule !== undefined && isSiblingMatch(rule, id)
}

const compactDate = /(-)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=-|:|$)/g

function candidateIds(model: string): string[] {
  const id = model.toLowerCase().trim()
  const dated = id.replace(compactDate, (whole, dash: string, year: string, month: string, day: string) => {
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
    return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day) ? `${dash}${year}-${month}-${day}` : whole
  })
  return dated === id ? [id] : [id, dated]
}
