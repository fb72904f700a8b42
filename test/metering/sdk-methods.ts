/** One public method of an SDK client's resources. */
export interface SDKMethod {
  /** Its path from the client, e.g. `'chat.completions.create'`. */
  path: string
  /** Whether the wrapper replaced it on this client instance (an own property of the resource). */
  wrapped: boolean
}

/**
 * Every public method of the resources of `client` (a Stainless SDK client): resources are the
 * objects reachable through non-underscore properties that hold the client in `_client`; their
 * methods are the non-underscore functions of their class chain. Each resource is visited once.
 */
export function sdkMethods(client: object): SDKMethod[] {
  const methods: SDKMethod[] = []
  const seen = new Set<object>()
  const visit = (holder: object, prefix: string) => {
    for (const key of Object.keys(holder)) {
      const value = (holder as Record<string, unknown>)[key]
      if (key.startsWith('_') || typeof value !== 'object' || value === null || seen.has(value) || !('_client' in value)) continue
      seen.add(value)
      const path = prefix === '' ? key : `${prefix}.${key}`
      for (const name of methodNames(value)) methods.push({ path: `${path}.${name}`, wrapped: Object.hasOwn(value, name) })
      visit(value, path)
    }
  }
  visit(client, '')
  return methods.sort((a, b) => a.path.localeCompare(b.path))
}

function methodNames(resource: object): Set<string> {
  const names = new Set<string>()
  for (let proto = Object.getPrototypeOf(resource) as object | null; proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name !== 'constructor' && !name.startsWith('_') && typeof (resource as Record<string, unknown>)[name] === 'function') names.add(name)
    }
  }
  return names
}
