import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureReconciliation } from '../reconcile/reconcile-fixture.js'
import { InputError } from './cli-io.js'
import { readReconciliation } from './read-reconciliation.js'
import { writeLedger } from './sample-ledger.js'

const folder = dirname(writeLedger([]))

describe('readReconciliation', () => {
  it('reads what reconcile --json printed', async () => {
    const reconciliation = await fixtureReconciliation()
    writeFileSync(join(folder, 'ok.json'), JSON.stringify(reconciliation))
    expect(readReconciliation(join(folder, 'ok.json'))).toEqual(JSON.parse(JSON.stringify(reconciliation)))
  })

  it('names what is wrong with anything else', async () => {
    const reconciliation = await fixtureReconciliation()
    writeFileSync(join(folder, 'bad.json'), JSON.stringify({ ...reconciliation, groups: [reconciliation.groups[0], { day: '2026-11-02' }] }))
    expect(() => readReconciliation(join(folder, 'bad.json'))).toThrow(/groups\[1\] is not a group/)
    writeFileSync(join(folder, 'broken.json'), '{')
    expect(() => readReconciliation(join(folder, 'broken.json'))).toThrow(InputError)
    expect(() => readReconciliation(join(folder, 'missing.json'))).toThrow(/cannot read reconciliation/)
  })
})
