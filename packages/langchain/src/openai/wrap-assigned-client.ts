/**
 * Makes every provider client that LangChain assigns to `model.client` go through `wrap` as it is
 * assigned, and returns `model`.
 *
 * `@langchain/openai` models (`ChatOpenAICompletions`, `ChatOpenAIResponses`, their Azure
 * variants, `OpenAIEmbeddings`, `AzureOpenAIEmbeddings`) create their `openai` client lazily, on
 * the first call, with `this.client = new OpenAI(...)` (or `new AzureOpenAI(...)`), and call
 * `this.client.<resource>.create(...)` from then on. Turning the instance's `client` field into an
 * accessor catches that assignment, whichever method makes it, so the client LangChain built with
 * its own options (base URL, headers, timeout, `maxRetries: 0`) is the one wrapped, and wrapped
 * before its first request. A client already present is wrapped at once. `wrap` must be
 * idempotent (`withFinOps` is: wrapping a wrapped client returns it).
 */
export function wrapAssignedClient<Model extends object>(model: Model, wrap: (client: object) => object): Model {
  const holder = model as { client?: unknown }
  const wrapped = (client: unknown): unknown => (typeof client === 'object' && client !== null ? wrap(client) : client)
  let current = wrapped(holder.client)
  Object.defineProperty(holder, 'client', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (client: unknown) => {
      current = wrapped(client)
    },
  })
  return model
}
