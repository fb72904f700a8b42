import { ConfigError } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import { usageRecord, usdCost } from '../focus/usage-record-fixture.js'
import { checkLedgerMapping, ledgerRow } from './ledger-row.js'

const record = usageRecord({
  startTime: '2026-11-02T23:30:00-02:00',
  model: 'gpt-4o',
  responseModel: 'gpt-4o-2024-08-06',
  attribution: { team: 'support', project: 'proj_a', key: 'key_a' },
  usage: { inputTokens: 100, cacheReadTokens: 40, outputTokens: 20 },
  cost: usdCost(450_000),
})

describe('ledgerRow', () => {
  it('keys a record by its UTC day and served model, with fixed or attributed project and key', () => {
    expect(ledgerRow(record, 'openai', { project: 'proj_x', apiKeyAttribute: 'key' })).toEqual({
      day: '2026-11-03', model: 'gpt-4o', project: 'proj_x', apiKey: 'key_a', serviceTier: null, requests: 1, inputTokens: 100, outputTokens: 20, costNanos: 450_000,
    })
    expect(ledgerRow(record, 'openai', { projectAttribute: 'project' })).toMatchObject({ project: 'proj_a', apiKey: null })
    expect(ledgerRow(record, 'openai', { projectAttribute: 'missing' }).project).toBeNull()
  })

  it("takes Anthropic's default tier as standard and an unpriced call as 0", () => {
    expect(ledgerRow({ ...record, provider: 'anthropic', cost: null }, 'anthropic', {})).toMatchObject({ serviceTier: 'standard', costNanos: 0 })
    expect(ledgerRow({ ...record, serviceTier: 'priority' }, 'anthropic', {}).serviceTier).toBe('priority')
  })
})

describe('checkLedgerMapping', () => {
  it('refuses two ways of mapping one dimension', () => {
    expect(() => checkLedgerMapping({ apiKeyId: 'a', apiKeyAttribute: 'b' })).toThrow(ConfigError)
    expect(() => checkLedgerMapping({ project: 'a', apiKeyAttribute: 'b' })).not.toThrow()
  })
})
