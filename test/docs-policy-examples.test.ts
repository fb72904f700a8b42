// Policy files shown in the docs must stay valid: each YAML block with `policies:` is loaded.
import { readdirSync, readFileSync } from 'node:fs'
import { loadPolicies } from '@finops-ai/core'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

const docs = new URL('../docs/', import.meta.url)
const examples = readdirSync(docs)
  .filter((name) => name.endsWith('.md'))
  .flatMap((name) =>
    [...readFileSync(new URL(name, docs), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map((match) => match[1] ?? '')
      .filter((block) => /^policies:/m.test(block))
      .map((block, index) => ({ name: `${name} #${index + 1}`, block })),
  )

describe('policy examples in docs/', () => {
  it('finds examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3)
  })

  it.each(examples)('$name loads', ({ block }) => {
    const policies = loadPolicies(parse(block) as Parameters<typeof loadPolicies>[0])
    expect(policies.length).toBeGreaterThan(0)
  })
})
