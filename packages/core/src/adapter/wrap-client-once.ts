/**
 * Marks a client that a finops-ai adapter wrapped. A `Symbol.for` key, so every copy of every
 * adapter (dual ESM/CJS, duplicated installs) sees the same mark: wrapping again is a no-op.
 */
export const WRAPPED_CLIENT: unique symbol = Symbol.for('@finops-ai/wrapped-client')

/** Whether `client` was wrapped by a finops-ai adapter. */
export function isWrappedClient(client: unknown): boolean {
  return typeof client === 'object' && client !== null && (client as { [WRAPPED_CLIENT]?: true })[WRAPPED_CLIENT] === true
}

/**
 * Wraps a Stainless SDK client in place, once, and returns it: `patch(client)` replaces methods on
 * the instance's own resource objects; then `client.withOptions(...)` (which builds a fresh
 * client, without instance patches) is made to return its clone wrapped by the same `patch`; then
 * the client is marked ({@link WRAPPED_CLIENT}). A marked client is returned unchanged, unpatched.
 *
 * Only this instance changes; a plain `Proxy` is not used because the SDKs keep `#private` fields.
 */
export function wrapClientOnce<Client extends object>(client: Client, patch: (client: object) => void): Client {
  if (isWrappedClient(client)) return client
  patch(client)
  const target = client as Client & { withOptions?: (options: unknown) => object }
  const withOptions = target.withOptions
  if (typeof withOptions === 'function') {
    Object.defineProperty(target, 'withOptions', {
      configurable: true,
      writable: true,
      value: function wrappedWithOptions(this: object, options: unknown) {
        return wrapClientOnce(withOptions.call(this, options), patch)
      },
    })
  }
  Object.defineProperty(target, WRAPPED_CLIENT, { value: true })
  return client
}
