import { createPriceBook, type UsageRecord } from '@finops-ai/core'
import { usageRecord, usdCost } from '../focus/usage-record-fixture.js'

const priceBook = createPriceBook()

/**
 * Test fixture: a usage record (defaults of `usageRecord`: an ok gpt-4o call at OpenAI) whose cost
 * the bundled price data computes from its usage and tier, as the engine would have.
 */
export function pricedRecord(fields: Partial<UsageRecord> & Pick<UsageRecord, 'startTime'>): UsageRecord {
  const record = usageRecord(fields)
  if (record.status === 'denied') return record
  const price = priceBook.resolve(record.provider, record.model, new Date(record.startTime))
  if (price === null) throw new Error(`no bundled price for ${record.provider}:${record.model}`)
  const cost = price.cost(record.usage, record.serviceTier === undefined ? {} : { serviceTier: record.serviceTier })
  return { ...record, cost: usdCost(cost.totalNanos) }
}
