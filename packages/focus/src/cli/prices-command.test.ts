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

  it('infers the provider from the model name when --provider is not given', async () => {
    const claude = await prices('claude-sonnet-4-5', '--at', '2026-11-28')
    expect(claude.code).toBe(0)
    expect(claude.stderr).toBe('provider: anthropic (inferred from the model name; pass --provider to choose another)\n')
    // Anthropic pricing for Claude Sonnet 4.5: $3 input, $15 output per 1M tokens (anthropic.com/pricing, read 2026-12-02)
    expect(claude.stdout).toMatch(/^ {2}output\s+15 USD \/ 1M tokens$/m)
    const openrouter = await prices('meta-llama/llama-3.1-8b-instruct')
    expect(openrouter).toMatchObject({ code: 0, stderr: expect.stringContaining('provider: openrouter (inferred') })
  })

  it('lists the providers when the model name alone is ambiguous, and exits 1', async () => {
    const ambiguous = await prices('regional.anthropic.claude-3-haiku-20240307-v1:0')
    expect(ambiguous.code).toBe(1)
    expect(ambiguous.stderr).toBe("model 'regional.anthropic.claude-3-haiku-20240307-v1:0' is priced by several providers (gcp.gemini, aws.bedrock, gcp.vertex_ai); pass --provider <name>\n")
    expect(await prices('no-such-model-xyz')).toMatchObject({ code: 1, stderr: expect.stringContaining("no price known for model 'no-such-model-xyz'; pass --provider") })
  })
})
