const plain = /^[A-Za-z0-9_.~/=@+-]$/

/**
 * Escapes one key component so that distinct strings never map to the same key and no value can
 * add a `:` separator or a `{`/`}` hash tag: every UTF-16 code unit outside `[A-Za-z0-9_.~/=@+-]`
 * becomes `%` and four hex digits (`:` → `%003a`, `é` → `%00e9`, a lone surrogate → `%d800`).
 * Fixed-width escapes make the mapping injective and never throw.
 */
export function escapeKeyPart(value: string): string {
  let escaped = ''
  for (let index = 0; index < value.length; index++) {
    const character = value[index]!
    escaped += plain.test(character) ? character : `%${value.charCodeAt(index).toString(16).padStart(4, '0')}`
  }
  return escaped
}

/** Redis key names of the store under one prefix. */
export interface RedisKeys {
  /** `{prefix}`: the hash tag every key starts with (one Redis Cluster slot per prefix). */
  readonly tag: string
  /** Bucket hash of a rolling window (`requests_per_minute`, `tokens_per_minute`). */
  window(key: string): string
  /** Lease sorted set of a concurrency counter. */
  concurrency(key: string): string
  /** Hash of a budget: period bounds, spent, reserved, soft-limit flag. */
  budget(key: string): string
  /** Lease sorted set of a budget's reservations (refunded when a lease ends unsettled). */
  budgetLeases(key: string): string
  /** Bucket hash of a breaker's cost velocity. */
  breaker(key: string): string
  /** State hash of a breaker (absent while closed). */
  breakerState(key: string): string
  /** Record of one reservation, read by settle. */
  reservation(id: string): string
  /** Marker of one charged id (spend billed after the fact), so it is charged once. */
  charge(id: string): string
  /** List of a learned key's recent output-token counts (`recordOutputs`). */
  outputs(key: string): string
}

/** The key names under `prefix`: `{prefix}:<kind>:<escaped counter key, reservation id or learned key>`. */
export function redisKeys(prefix: string): RedisKeys {
  const tag = `{${escapeKeyPart(prefix)}}`
  const named = (kind: string) => (part: string) => `${tag}:${kind}:${escapeKeyPart(part)}`
  return {
    tag,
    window: named('w'),
    concurrency: named('c'),
    budget: named('b'),
    budgetLeases: named('bl'),
    breaker: named('k'),
    breakerState: named('ks'),
    reservation: named('r'),
    charge: named('ch'),
    outputs: named('o'),
  }
}
