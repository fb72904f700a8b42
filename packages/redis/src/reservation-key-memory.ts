/**
 * The counter keys of the reservations one store made and has not settled yet, so that its
 * `settle` declares them (Redis Cluster needs every key a script touches in KEYS) in one round
 * trip. A settle of a reservation it does not know (made by another process) costs one more:
 * the script names the keys, and the store sends them.
 */
export interface ReservationKeyMemory {
  /** Remembers the counter keys of reservation `id` (its reserve's KEYS after the record). */
  remember(id: string, counterKeys: readonly string[]): void
  /** The counter keys of `id`, or `undefined` when this store did not reserve it (or forgot it). */
  keysOf(id: string): readonly string[] | undefined
  /** Forgets `id` once it is settled. */
  forget(id: string): void
}

/**
 * A {@link ReservationKeyMemory} whose entries also go `lifetimeMs` after they were remembered:
 * when the reservation's record has expired in Redis, its settle changes nothing anyway. Entries
 * are remembered in time order, so the expired ones are the oldest and are dropped on `remember`.
 */
export function reservationKeyMemory(lifetimeMs: number, clock: () => number = Date.now): ReservationKeyMemory {
  const entries = new Map<string, { counterKeys: readonly string[]; until: number }>()
  return {
    remember: (id, counterKeys) => {
      const now = clock()
      for (const [oldest, entry] of entries) {
        if (entry.until > now) break
        entries.delete(oldest)
      }
      entries.set(id, { counterKeys, until: now + lifetimeMs })
    },
    keysOf: (id) => entries.get(id)?.counterKeys,
    forget: (id) => {
      entries.delete(id)
    },
  }
}
