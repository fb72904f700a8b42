import { describe, expect, it } from 'vitest'
import { lateDefaultClient } from './late-default-client.js'

describe('a default client set after the first run', () => {
  it('is ignored by run(), and so is a new default provider; a Runner with its own provider goes through the engine', async () => {
    expect(await lateDefaultClient(() => {})).toEqual([
      { step: 'first run, unwrapped default client', requests: 1, records: 0 },
      { step: 'wrapped client set after the first run', requests: 1, records: 0 },
      { step: 'default model provider replaced after the first run', requests: 1, records: 0 },
      { step: 'a Runner with its own model provider', requests: 1, records: 1 },
    ])
  })
})
