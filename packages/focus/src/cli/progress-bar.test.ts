import { describe, expect, it } from 'vitest'
import { createProgressBar } from './progress-bar.js'

function terminal(isTTY: boolean) {
  const output: string[] = []
  return { output, stream: { isTTY, write: (text: string) => output.push(text) } }
}

describe('createProgressBar', () => {
  it('draws nothing during the first second, then redraws in place and clears at the end', () => {
    let now = 0
    const { output, stream } = terminal(true)
    const bar = createProgressBar({ total: 100, stream, clock: () => now })
    bar.update(10)
    expect(output).toEqual([])
    now = 1500
    bar.update(50)
    now = 1550
    bar.update(60)
    bar.finish()
    expect(output).toEqual([`\r[${'#'.repeat(15)}${'-'.repeat(15)}]  50%`, '\r\x1b[2K'])
  })

  it('stays silent when the stream is not a terminal', () => {
    let now = 0
    const { output, stream } = terminal(false)
    const bar = createProgressBar({ total: 100, stream, clock: () => now })
    now = 5000
    bar.update(50)
    bar.finish()
    expect(output).toEqual([])
  })
})
