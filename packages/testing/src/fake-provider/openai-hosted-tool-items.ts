import { arrayField, objectField, type JsonObject } from './fake-route.js'

/**
 * The output items of the hosted tools a Responses request offers, one completed call per tool
 * before the reply, as the real API reports them: `web_search` / `web_search_preview` → a
 * `web_search_call` (a `search` action), `file_search` → a `file_search_call`, `code_interpreter` →
 * a `code_interpreter_call` in the tool's container (its id when `container` is one, else a new
 * `cntr_fake_…` for `{ type: 'auto' }`). Other tools add nothing.
 */
export function hostedToolItems(body: JsonObject, nextId: (prefix: string) => string): JsonObject[] {
  const items: JsonObject[] = []
  const query = typeof body.input === 'string' ? body.input : 'fake query'
  for (const tool of arrayField(body.tools).map(objectField)) {
    switch (tool?.type) {
      case 'web_search':
      case 'web_search_preview':
        items.push({ id: nextId('ws_fake_'), type: 'web_search_call', status: 'completed', action: { type: 'search', query } })
        break
      case 'file_search':
        items.push({ id: nextId('fs_fake_'), type: 'file_search_call', status: 'completed', queries: [query], results: null })
        break
      case 'code_interpreter': {
        const container = typeof tool.container === 'string' ? tool.container : nextId('cntr_fake_')
        items.push({ id: nextId('ci_fake_'), type: 'code_interpreter_call', status: 'completed', code: 'print(1)', container_id: container, outputs: null })
        break
      }
    }
  }
  return items
}
