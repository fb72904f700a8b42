import type { NormalizedUsage } from '@finops-ai/core'
import { objectField, stringField } from './operation-request.js'

/**
 * Adds the billed hosted-tool work of a Responses API `Response` to `usage`, in place, from its
 * `output` items: each `web_search_call` is one `webSearchRequests`, each `file_search_call` one
 * `fileSearchCalls`, and each distinct `container_id` of its `code_interpreter_call` items one
 * `codeInterpreterSessions`, except containers the request named explicitly (a `code_interpreter`
 * tool whose `container` is an id, as the response echoes in `tools`): those were created, and
 * billed, by `containers.create`. A response does not say whether it created its container: an
 * automatic container reused by a later response of the conversation is counted again there.
 * Counts of zero leave the fields unset.
 */
export function countHostedToolCalls(usage: NormalizedUsage, response: Record<string, unknown>): void {
  const output = response.output
  if (!Array.isArray(output) || output.length === 0) return
  let webSearches = 0
  let fileSearches = 0
  let containers: Set<string> | undefined
  for (const item of output) {
    const fields = objectField(item)
    switch (fields?.type) {
      case 'web_search_call':
        webSearches += 1
        break
      case 'file_search_call':
        fileSearches += 1
        break
      case 'code_interpreter_call': {
        const container = stringField(fields.container_id)
        if (container !== undefined) (containers ??= new Set()).add(container)
        break
      }
    }
  }
  if (webSearches > 0) usage.webSearchRequests = (usage.webSearchRequests ?? 0) + webSearches
  if (fileSearches > 0) usage.fileSearchCalls = (usage.fileSearchCalls ?? 0) + fileSearches
  if (containers !== undefined) {
    for (const named of namedContainers(response.tools)) containers.delete(named)
    if (containers.size > 0) usage.codeInterpreterSessions = (usage.codeInterpreterSessions ?? 0) + containers.size
  }
}

/** Container ids given explicitly to `code_interpreter` tools. */
function namedContainers(tools: unknown): string[] {
  if (!Array.isArray(tools)) return []
  const named: string[] = []
  for (const tool of tools) {
    const fields = objectField(tool)
    const container = fields?.type === 'code_interpreter' ? stringField(fields.container) : undefined
    if (container !== undefined) named.push(container)
  }
  return named
}
