// Proves the CI setup works: the same checks fail on a copy of the application where one call site
// dropped its attribution (or its client's wrapper), and pass on the application as it is.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { captureTelemetry, fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { ESLint } from 'eslint'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkAttribution } from './check-attribution.js'
import { createOpenAI } from './openai-client.js'
import { createSupportBot } from './support-bot.js'

const exampleRoot = fileURLToPath(new URL('..', import.meta.url))
const mutants = new URL('./mutants/', import.meta.url)
const telemetry = captureTelemetry()
let provider: FakeProvider

beforeAll(async () => {
  provider = await fakeProvider()
  mkdirSync(mutants, { recursive: true })
})
afterAll(async () => {
  rmSync(mutants, { recursive: true, force: true })
  await provider.close()
  await telemetry.shutdown()
})

/** Writes a copy of `file` with `from` replaced by `to` next to the sources and returns its URL. */
function mutate(file: string, from: string, to: string): URL {
  const source = readFileSync(new URL(file, import.meta.url), 'utf8')
  expect(source).toContain(from)
  const mutant = new URL(file, mutants)
  writeFileSync(mutant, source.replace(from, to).replaceAll("from './", "from '../"))
  return mutant
}

describe('the attribution check', () => {
  it('passes on the application as it is', async () => {
    telemetry.reset()
    await expect(checkAttribution(telemetry, createSupportBot, createOpenAI(provider.openaiBaseURL))).resolves.toBeUndefined()
  })

  it('fails when one call site drops its attribution scope, naming the call and where it is', async () => {
    const mutant = mutate(
      'support-bot.ts',
      "withAttribution({ user: ticket.user, feature: 'ticket-summary' }",
      "((_attribution: unknown, run: () => unknown) => run())({ user: ticket.user, feature: 'ticket-summary' }",
    )
    const { createSupportBot: withoutSummaryAttribution } = (await import(mutant.href)) as typeof import('./support-bot.js')
    telemetry.reset()
    const failure = await checkAttribution(telemetry, withoutSummaryAttribution, createOpenAI(provider.openaiBaseURL)).catch(
      (error: unknown) => error as Error,
    )
    expect(failure).toBeInstanceOf(Error)
    expect((failure as Error).message).toContain('1 of 2 GenAI call(s) lack attribution (required: team, feature)')
    expect((failure as Error).message).toContain('"chat gpt-4o-mini" missing feature (feature.name)')
    expect((failure as Error).message).toMatch(/mutants\/support-bot\.ts:\d+/)
  })
})

describe('the lint rule', () => {
  const eslint = new ESLint({ cwd: exampleRoot })
  const clientFile = fileURLToPath(new URL('openai-client.ts', import.meta.url))
  const clientSource = readFileSync(clientFile, 'utf8')

  it('accepts the wrapped client', async () => {
    const [result] = await eslint.lintText(clientSource, { filePath: clientFile })
    expect(result?.messages).toEqual([])
  })

  it('reports a client constructed without withFinOps', async () => {
    const unwrapped = clientSource.replace(/withFinOps\((new OpenAI\([^)]*\)), \{[\s\S]*?\}\)/, '$1')
    expect(unwrapped).not.toContain('withFinOps(new')
    const [result] = await eslint.lintText(unwrapped, { filePath: clientFile })
    expect(result?.messages.map((message) => message.ruleId)).toContain('@finops-ai/require-finops-wrapper')
  })
})
