import { diag } from '@opentelemetry/api'
import type { CallPath } from '../call/call-path.js'

/**
 * Marks a client that a finops-ai adapter wrapped. A `Symbol.for` key, so every copy of every
 * adapter (dual ESM/CJS, duplicated installs) sees the same mark: wrapping again is a no-op.
 */
export const WRAPPED_CLIENT: unique symbol = Symbol.for('@finops-ai/wrapped-client')

/** The call path (engine) a client was wrapped with: a later wrap with another one is ignored, with a warning. */
const WRAPPED_BY: unique symbol = Symbol.for('@finops-ai/wrapped-by')

/** Whether `client` was wrapped by a finops-ai adapter. */
export function isWrappedClient(client: unknown): boolean {
  return typeof client === 'object' && client !== null && (client as { [WRAPPED_CLIENT]?: true })[WRAPPED_CLIENT] === true
}

/**
 * Wraps a Stainless SDK client in place, once, and returns it: `patch(client)` replaces methods on
 * the instance's own resource objects; then `client.withOptions(...)` (which builds a fresh
 * client, without instance patches) is made to return its clone wrapped by the same `patch`; then
 * the client is marked ({@link WRAPPED_CLIENT}). A marked client is returned unchanged, unpatched;
 * when `path` (the call path the adapter routes through) differs from the one it was wrapped with,
 * that is reported once per client — an OTel `diag.warn` and `path.wrapIgnored()` (a `wrap_ignored`
 * event of the second engine): its calls keep going to the first engine, so policies of the second
 * are not enforced on them (share one engine across modules instead).
 *
 * Only this instance changes; a plain `Proxy` is not used because the SDKs keep `#private` fields.
 */
export function wrapClientOnce<Client extends object>(client: Client, patch: (client: object) => void, path?: CallPath): Client {
  if (isWrappedClient(client)) {
    warnOnOtherEngine(client, path)
    return client
  }
  patch(client)
  const target = client as Client & { withOptions?: (options: unknown) => object }
  const withOptions = target.withOptions
  if (typeof withOptions === 'function') {
    Object.defineProperty(target, 'withOptions', {
      configurable: true,
      writable: true,
      value: function wrappedWithOptions(this: object, options: unknown) {
        return wrapClientOnce(withOptions.call(this, options), patch, path)
      },
    })
  }
  Object.defineProperty(target, WRAPPED_CLIENT, { value: true })
  if (path !== undefined) Object.defineProperty(target, WRAPPED_BY, { value: path, writable: true })
  return client
}

const warned = new WeakSet<object>()

function warnOnOtherEngine(client: object, path: CallPath | undefined): void {
  const first = (client as { [WRAPPED_BY]?: CallPath })[WRAPPED_BY]
  if (path === undefined || first === undefined || first === path || warned.has(client)) return
  warned.add(client)
  path.wrapIgnored?.()
  diag.warn(
    'finops-ai: this client is already wrapped with another finops-ai engine; the second wrap is ignored and its calls keep going through the first engine (its policies, store and telemetry). Create one engine and pass the same `finops` everywhere (docs/attribution.md › One engine per process).',
  )
}
