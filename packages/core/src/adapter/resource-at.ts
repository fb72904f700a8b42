/** An SDK resource object whose `create` method an adapter patches. */
export interface CreateResource {
  /** The resource's `create` method (the SDK's `APIPromise`-returning method). */
  create: (this: unknown, body: Record<string, unknown>, options?: unknown) => unknown
  /** The client the resource belongs to (Stainless resources keep it here). */
  _client?: unknown
}

/**
 * The resource at `names` under `client` (e.g. `['beta', 'messages']`) when it has a `create`
 * method, else `undefined` (an SDK version without that resource).
 */
export function resourceAt(client: object, names: readonly string[]): CreateResource | undefined {
  let value: unknown = client
  for (const name of names) value = (value as Record<string, unknown> | undefined)?.[name]
  return typeof (value as Partial<CreateResource> | undefined)?.create === 'function' ? (value as CreateResource) : undefined
}
