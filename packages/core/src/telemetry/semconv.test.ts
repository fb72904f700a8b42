import { describe, expect, it } from 'vitest'
import * as semconv from './semconv.js'
import { semconvModeFromOptIn, semconvNames } from './semconv.js'

describe('semconvModeFromOptIn', () => {
  it('selects latest when the comma-separated list contains gen_ai_latest_experimental', () => {
    expect(semconvModeFromOptIn('gen_ai_latest_experimental')).toBe('latest')
    expect(semconvModeFromOptIn('http/dup, gen_ai_latest_experimental ,database')).toBe('latest')
  })

  it('stays on default otherwise', () => {
    expect(semconvModeFromOptIn(undefined)).toBe('default')
    expect(semconvModeFromOptIn('')).toBe('default')
    expect(semconvModeFromOptIn('http,gen_ai_latest')).toBe('default')
  })
})

describe('semconvNames', () => {
  it('uses the v1.41.0 names by default', () => {
    expect(semconvNames('default')).toEqual({
      cacheWriteInputTokens: 'gen_ai.usage.cache_creation.input_tokens',
      durationMetric: 'gen_ai.client.operation.duration',
      timeToFirstChunkMetric: 'gen_ai.client.operation.time_to_first_chunk',
      costAttributes: false,
      usageErrorType: false,
    })
  })

  it('uses the newest experimental names in latest mode', () => {
    expect(semconvNames('latest')).toEqual({
      cacheWriteInputTokens: 'gen_ai.usage.cache_write.input_tokens',
      durationMetric: 'gen_ai.client.inference.duration',
      timeToFirstChunkMetric: 'gen_ai.client.inference.time_to_first_chunk',
      costAttributes: true,
      usageErrorType: true,
    })
  })
})

describe('names', () => {
  it('keeps every attribute, metric and event name in its namespace and unique', () => {
    const names = Object.entries(semconv)
      .filter(([key]) => /^(ATTR|METRIC|EVENT)_/.test(key))
      .map(([, value]) => value as string)
    expect(names.every((name) => /^(gen_ai|openai|finops)\.[a-z0-9_.]+$/.test(name))).toBe(true)
    const attributeNames = Object.entries(semconv)
      .filter(([key]) => key.startsWith('ATTR_'))
      .map(([, value]) => value)
    expect(new Set(attributeNames).size).toBe(attributeNames.length)
  })

  it('pins the bucket advice of the spec', () => {
    expect(semconv.TOKEN_BUCKETS).toEqual([1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864])
    expect(semconv.SECONDS_BUCKETS).toEqual([0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92])
  })
})
