// Walks every resource method of the installed SDK clients, wrapped, and checks each against the
// coverage table: a paid method an SDK release adds fails here until it is metered or listed.
import { readFileSync } from 'node:fs'
import Anthropic from '@anthropic-ai/sdk'
import { createFinOps } from '@finops-ai/core'
import { withFinOps as withAnthropic } from '@finops-ai/anthropic'
import { withFinOps as withOpenAI } from '@finops-ai/openai'
import OpenAI from 'openai'
import { describe, expect, it } from 'vitest'
import { ANTHROPIC_COVERAGE, coverageOf, FREE_NAME_COVERAGE, OPENAI_COVERAGE, renderCoverageTable, type CoverageRow } from './sdk-method-coverage.js'
import { sdkMethods, type SDKMethod } from './sdk-methods.js'

const finops = createFinOps()
const surfaces: { sdk: string; methods: SDKMethod[]; rows: readonly CoverageRow[] }[] = [
  { sdk: 'openai', methods: sdkMethods(withOpenAI(new OpenAI({ apiKey: 'test' }), { finops })), rows: [...OPENAI_COVERAGE, ...FREE_NAME_COVERAGE] },
  { sdk: 'anthropic', methods: sdkMethods(withAnthropic(new Anthropic({ apiKey: 'test' }), { finops })), rows: [...ANTHROPIC_COVERAGE, ...FREE_NAME_COVERAGE] },
]

describe.each(surfaces)('the $sdk client', ({ methods, rows }) => {
  it('has resources to walk', () => {
    expect(methods.length).toBeGreaterThan(50)
  })

  it('meters or lists every method', () => {
    expect(methods.filter((method) => coverageOf(rows, method.path) === undefined).map((method) => method.path)).toEqual([])
  })

  it('lists every wrapped method as metered', () => {
    const wrapped = methods.filter((method) => method.wrapped)
    expect(wrapped.length).toBeGreaterThan(0)
    expect(wrapped.filter((method) => coverageOf(rows, method.path)?.coverage !== 'metered').map((method) => method.path)).toEqual([])
  })

  it('wraps every method it lists as metered, or the method it calls', () => {
    const wrapped = new Set(methods.filter((method) => method.wrapped).map((method) => method.path))
    const metered = rows.filter((row) => row.coverage === 'metered')
    expect(metered.filter((row) => !wrapped.has(row.through ?? row.methods)).map((row) => row.methods)).toEqual([])
  })

  it('names only methods and resources the SDK has', () => {
    const stale = rows.filter((row) => {
      if (row.methods.startsWith('*.')) return false
      return !methods.some((method) => coverageOf(rows, method.path) === row)
    })
    expect(stale.map((row) => row.methods)).toEqual([])
  })
})

describe('docs/prices.md', () => {
  it('holds the coverage table as the tests read it', () => {
    const docs = readFileSync(new URL('../../docs/prices.md', import.meta.url), 'utf8')
    const start = docs.indexOf('## What is metered')
    expect(start).toBeGreaterThanOrEqual(0)
    const end = docs.indexOf('\n## ', start + 1)
    const section = docs.slice(start, end === -1 ? undefined : end)
    expect(section).toContain(renderCoverageTable([...OPENAI_COVERAGE, ...ANTHROPIC_COVERAGE, ...FREE_NAME_COVERAGE]))
  })
})
