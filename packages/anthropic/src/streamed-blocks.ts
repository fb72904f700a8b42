import { numberField, objectField, stringField, type MessagePart } from '@finops-ai/core'
import { anthropicParts } from './anthropic-content.js'

interface StreamedBlock {
  block: Record<string, unknown>
  text: string
}

/**
 * The content blocks of a Messages stream, accumulated from `content_block_start` and
 * `content_block_delta` events (text, thinking and tool-input JSON deltas), for
 * `CallResult.outputContent`. Used only when content capture is on.
 */
export class StreamedBlocks {
  private readonly blocks: StreamedBlock[] = []

  /** Reads one stream event; events other than content-block ones are ignored. */
  add(event: Record<string, unknown>): void {
    const index = numberField(event.index) ?? 0
    if (event.type === 'content_block_start') {
      this.blocks[index] = { block: { ...objectField(event.content_block) }, text: '' }
    } else if (event.type === 'content_block_delta') {
      const delta = objectField(event.delta)
      const text = stringField(delta?.text) ?? stringField(delta?.thinking) ?? stringField(delta?.partial_json)
      const streamed = this.blocks[index]
      if (streamed !== undefined && text !== undefined) streamed.text += text
    }
  }

  /** The parts of the blocks seen, in index order. */
  parts(): MessagePart[] {
    const blocks: Record<string, unknown>[] = []
    for (const streamed of this.blocks) {
      if (streamed === undefined) continue
      const block = streamed.block
      if (block.type === 'text') block.text = `${stringField(block.text) ?? ''}${streamed.text}`
      else if (block.type === 'thinking') block.thinking = `${stringField(block.thinking) ?? ''}${streamed.text}`
      else if (block.type === 'tool_use' && streamed.text !== '') block.input = parseJSON(streamed.text)
      blocks.push(block)
    }
    return anthropicParts(blocks)
  }
}

function parseJSON(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}
