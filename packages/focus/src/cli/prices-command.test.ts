import { BUNDLED_PRICE_DATA_DATE } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import { pricesCommand } from './prices-command.js'

async function prices(...args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await pricesCommand(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } })
  return { code, stdout, stderr }
}

describe('finops-ai prices', () => {
  it('prints the date of the price data next to the source', async () => {
    const { code, stdout } = await prices('gpt-4o', '--at', '2026-11-28')
    expect(code).toBe(0)
    expect(stdout).toContain(`price data: @pydantic/genai-prices data of ${BUNDLED_PRICE_DATA_DATE}`)
    expect(stdout).toMatch(/^ {2}per web search\s+0\.01 USD$/m)
  })

  it('shows a published tier price and a corrected or approximated source', async () => {
    // OpenAI priority processing for gpt-4o: $17.00 per 1M output tokens (openai.com/api-priority-processing, read 2026-12-02)
    const priority = JSON.parse((await prices('gpt-4o', '--json', '--tier', 'priority')).stdout) as { usdPerMillionTokens: { output: string }; priceDataDate: string }
    expect(priority.usdPerMillionTokens.output).toBe('17')
    expect(priority.priceDataDate).toBe(BUNDLED_PRICE_DATA_DATE)
    expect((await prices('claude-sonnet-4-20250514', '--provider', 'anthropic')).stdout).toContain('correction-layer entry')
    expect((await prices('claude-sonnet-5-5', '--provider', 'anthropic')).stdout).toContain('APPROXIMATED')
  })

  it('prints per-character and per-second prices for audio models', async () => {
    // tts-1: $15 per 1M characters; whisper-1: $0.006 per minute = $0.0001 per second (OpenAI pricing, read 2026-12-02)
    expect((await prices('tts-1')).stdout).toMatch(/^ {2}input characters\s+15 USD \/ 1M characters$/m)
    expect((await prices('whisper-1')).stdout).toMatch(/^ {2}per audio second\s+0\.0001 USD$/m)
  })
})
