import {
  ConfigError,
  type ChargeRequest,
  type ChargeResult,
  type CounterReading,
  type ReadRequest,
  type RecordOutputsRequest,
  type ReserveDecision,
  type ReserveRequest,
  type SettleRequest,
  type SettleResult,
  type Store,
} from '@finops-ai/core'
import { chargeCommand, chargeResult } from './charge-command.js'
import { clientReadiness } from './client-readiness.js'
import { scriptClientOf } from './clients/script-client-of.js'
import { counterReadings, readCommand } from './read-command.js'
import { redisKeys } from './redis-keys.js'
import type { RedisScriptClient } from './redis-script-client.js'
import { outputCounts, recordOutputsCommand } from './record-outputs-command.js'
import { RedisStoreError, type RedisStoreOperation } from './redis-store-error.js'
import { reservationKeyMemory } from './reservation-key-memory.js'
import { reserveCommand, reserveDecision } from './reserve-command.js'
import { retryInBackground } from './retry-in-background.js'
import { integerReply } from './script-arguments.js'
import { scriptSender, type ScriptCommand } from './script-sender.js'
import { chargeScript } from './scripts/charge-script.js'
import { readScript } from './scripts/read-script.js'
import { recordOutputsScript } from './scripts/record-outputs-script.js'
import { reserveScript } from './scripts/reserve-script.js'
import type { RedisScript } from './scripts/redis-script.js'
import { redisStoreScripts } from './scripts/redis-store-scripts.js'
import { settleScript } from './scripts/settle-script.js'
import { cancelCommand, declaredKeysReply, settleCommand, settleResult } from './settle-command.js'

/** How long a reservation's record outlives its lease in Redis (the scripts' `KEY_MARGIN`), in ms. */
const reservationRecordMarginMs = 3_600_000

/** Options of {@link redisStore}. */
export interface RedisStoreOptions {
  /**
   * A connected client: an `ioredis` `Redis` or `Cluster` instance; a node-redis (`redis` v4, v5,
   * v6) client from `createClient()` or cluster from `createCluster()`, opened with `connect()`
   * (await it before serving calls: until ready, operations fail as `connection`); or anything
   * with ioredis's `evalsha` and `eval` (see {@link RedisScriptClient}). Anything else, or a
   * node-redis client that is not open, throws a `ConfigError` at path `redisStore.client`.
   * Recommended options, so that a lost connection fails commands at once instead of queueing
   * them: `ioredis` `enableOfflineQueue: false`, `maxRetriesPerRequest: 0`,
   * `autoResendUnfulfilledCommands: false`; node-redis `disableOfflineQueue: true`. The store
   * enforces `timeoutMs` whatever the client's options.
   */
  client: RedisScriptClient
  /**
   * First part of every key, used as the Redis Cluster hash tag: `{finops}:b:…`. All counters of
   * one prefix live in one slot (atomic scripts across them, at the cost of not spreading one
   * prefix over the cluster); use several prefixes (e.g. per tenant) to spread load. Must be
   * non-empty and free of `{` and `}` (else a `ConfigError` at path `redisStore.prefix`).
   * Default `'finops'`.
   */
  prefix?: string
  /**
   * Longest wait for Redis per operation, in ms; then the operation rejects with a
   * {@link RedisStoreError} (`failure: 'timeout'`) and the guards apply `onStoreError`. On a
   * Redis Cluster, a script refused because its slot is being migrated (`TRYAGAIN`) or has no
   * master (`CLUSTERDOWN`) did not run and is sent again within this time. Default `100`.
   */
  timeoutMs?: number
  /**
   * What the engine does while Redis fails (down, slow beyond `timeoutMs`, erroring):
   * `'fail-open'` lets calls through unguarded, flagged `finops.store.degraded=true` with a
   * `store_degraded` event; `'fail-closed'` rejects them with `LimitExceededError`. The engine's
   * `createFinOps({ onStoreError })` wins when set. Default `'fail-open'`.
   */
  onError?: 'fail-open' | 'fail-closed'
  /**
   * How long an unsettled reservation holds its concurrency slot, reserved money and breaker
   * probe, in ms. A process that dies (or loses Redis) between reserve and settle leaks nothing
   * beyond this; a call that settles later than this is charged its actual cost if its record
   * still exists (it lives one more hour) but no longer holds a slot. Longer than your slowest
   * call. Default `900_000` (15 minutes).
   */
  reservationTtlMs?: number
  /**
   * How long the store remembers a charged id (spend billed after the fact, e.g. one batch's
   * results), in ms: charging the same id again within it changes nothing, from any process.
   * Longer than the provider keeps results readable (OpenAI batch output files and Anthropic batch
   * results: about 30 days). Default `2_678_400_000` (31 days).
   */
  chargeTtlMs?: number
  /**
   * Time source. `'server'` (default): each script reads the Redis server's `TIME`, so processes
   * with skewed clocks agree on windows and periods, and the requests' `now` is ignored.
   * A function is FOR TESTS: the store then uses the request's `now`, or the function's value when
   * it is absent, so tests can move time (the conformance suite's timed cases).
   */
  clock?: 'server' | (() => number)
  /**
   * How long a learned key's output-token window (`recordOutputs`, for `estimate.reserve:
   * 'learned'`) outlives its last write, in ms: the TTL is renewed each time an engine sends new
   * outputs, so a key no engine has written to for this long is forgotten. Default `604_800_000`
   * (7 days).
   */
  learnedOutputsTtlMs?: number
}

/** The {@link Store} of {@link redisStore}: every operation returns a promise. */
export interface RedisStore extends Store {
  readonly onError: 'fail-open' | 'fail-closed'
  /** The `reservationTtlMs` option: how long an unsettled reservation is held (guards retry a failed settle until then). */
  readonly reservationTtlMs: number
  /**
   * Resolves once the client is connected (an ioredis `Cluster`: to every master) and the store's
   * scripts are loaded (`SCRIPT LOAD`, on every master of a `Cluster`). Optional: every operation
   * waits for the same readiness within its `timeoutMs`, so calls made before are guarded, never
   * waved through by a client still connecting; awaiting it at startup (before serving traffic)
   * keeps the first calls from spending their `timeoutMs` on connecting. Never rejects on a
   * client that is still connecting: it waits (bound it yourself if you need to).
   */
  ready(): Promise<void>
  reserve(request: ReserveRequest): Promise<ReserveDecision>
  settle(request: SettleRequest): Promise<SettleResult>
  read(request: ReadRequest): Promise<CounterReading[]>
  charge(request: ChargeRequest): Promise<ChargeResult>
  /**
   * Appends output-token counts to the learned key's window in Redis (a list at
   * `{prefix}:o:<escaped key>`), keeps its most recent `window` counts and returns them, oldest
   * first, in one script: every process using the same Redis and prefix learns from the others'
   * calls (`estimate.reserve: 'learned'`). Each write renews the window's TTL,
   * `learnedOutputsTtlMs`. Rejects with a `RangeError` when `window` is not a positive integer or
   * a count is not a non-negative integer (nothing is written).
   */
  recordOutputs(request: RecordOutputsRequest): Promise<number[]>
}

/**
 * A {@link Store} in Redis that many processes share, exact under concurrency: each operation
 * (`reserve`, `settle`, `read`, `charge`, `recordOutputs`) is one Lua script, run atomically in
 * one round trip by `EVALSHA` (its source is sent with `EVAL` only after a `NOSCRIPT`; a settle of
 * a reservation another process made takes one more, to learn its keys). Every key expires, key
 * components are escaped, all keys carry the `{prefix}` hash tag and every script declares each
 * key it touches, so the store works on Redis Cluster, also while a slot migrates.
 *
 * Every operation returns a promise; a Redis failure or a reply later than `timeoutMs` rejects
 * with {@link RedisStoreError}, which the guards handle by `createFinOps({ onStoreError })`
 * (`'fail-open'`: the call goes on, flagged `finops.store.degraded=true`; `'fail-closed'`: it is
 * rejected); both emit a `store_degraded` event. The next operation simply tries again, so the
 * store recovers when Redis is back.
 *
 * @example
 * const store = redisStore({ client: new Redis({ enableOfflineQueue: false, maxRetriesPerRequest: 0 }) })
 * const finops = createFinOps({ store, policies, onStoreError: 'fail-open' })
 */
export function redisStore(options: RedisStoreOptions): RedisStore {
  const client = scriptClientOf(options.client, 'redisStore')
  const prefix = options.prefix ?? 'finops'
  if (typeof prefix !== 'string' || prefix === '' || /[{}]/.test(prefix)) {
    throw new ConfigError({ path: 'redisStore.prefix', detail: `expected a non-empty string without '{' or '}' (it is the Redis Cluster hash tag of every key), got ${JSON.stringify(prefix)}` })
  }
  const keys = redisKeys(prefix)
  const readiness = clientReadiness(options.client, Object.values(redisStoreScripts))
  const timeoutMs = options.timeoutMs ?? 100
  const leaseMs = options.reservationTtlMs ?? 900_000
  const onError = options.onError ?? 'fail-open'
  const chargeTtlMs = options.chargeTtlMs ?? 2_678_400_000
  const learnedOutputsTtlMs = options.learnedOutputsTtlMs ?? 604_800_000
  if (!(timeoutMs > 0)) throw new ConfigError({ path: 'redisStore.timeoutMs', detail: `expected a positive number of ms, got ${timeoutMs}` })
  if (!Number.isSafeInteger(leaseMs) || leaseMs <= 0) {
    throw new ConfigError({ path: 'redisStore.reservationTtlMs', detail: `expected a positive integer of ms, got ${leaseMs}` })
  }
  if (!Number.isSafeInteger(chargeTtlMs) || chargeTtlMs <= 0) {
    throw new ConfigError({ path: 'redisStore.chargeTtlMs', detail: `expected a positive integer of ms, got ${chargeTtlMs}` })
  }
  if (!Number.isSafeInteger(learnedOutputsTtlMs) || learnedOutputsTtlMs <= 0) {
    throw new ConfigError({ path: 'redisStore.learnedOutputsTtlMs', detail: `expected a positive integer of ms, got ${learnedOutputsTtlMs}` })
  }
  if (onError !== 'fail-open' && onError !== 'fail-closed') {
    throw new ConfigError({ path: 'redisStore.onError', detail: `expected one of fail-open|fail-closed, got '${String(onError)}'` })
  }
  const clock = options.clock ?? 'server'
  const now = (requested: number | undefined): string => (clock === 'server' ? '' : String(Math.floor(requested ?? clock())))

  const counterKeys = reservationKeyMemory(leaseMs + reservationRecordMarginMs)

  const send = scriptSender(client, timeoutMs, readiness)
  const decoded = <T>(operation: RedisStoreOperation, reply: unknown, decode: (reply: number[]) => T | undefined): T => {
    const numbers = integerReply(reply)
    const result = numbers === undefined ? undefined : decode(numbers)
    if (result === undefined) throw new RedisStoreError(operation, 'reply', `unexpected reply ${JSON.stringify(reply)}`)
    return result
  }
  const run = async <T>(operation: RedisStoreOperation, script: RedisScript, command: ScriptCommand, decode: (reply: number[]) => T | undefined): Promise<T> =>
    decoded(operation, await send(operation, script, command, performance.now() + timeoutMs), decode)

  return {
    onError,
    reservationTtlMs: leaseMs,
    ready: readiness.ready,
    reserve: async (request: ReserveRequest): Promise<ReserveDecision> => {
      const command = reserveCommand(keys, request, now(request.now), leaseMs)
      try {
        const decision = await run('reserve', reserveScript, command, (reply) => reserveDecision(reply, request))
        if (decision.allowed) counterKeys.remember(request.id, command.keys.slice(1))
        return decision
      } catch (error) {
        // The reserve may still run (a slow server, a client re-sending after reconnecting, a
        // redirection or a failover): release it and refuse it for as long as its lease would
        // have held it. The cancel is retried until it ran or that lease is over.
        if (error instanceof RedisStoreError && error.failure !== 'reply') {
          const cancel = cancelCommand(command.keys, request.id, now(request.now), leaseMs)
          retryInBackground(() => send('settle', settleScript, cancel, performance.now() + timeoutMs), leaseMs)
        }
        throw error
      }
    },
    settle: async (request: SettleRequest): Promise<SettleResult> => {
      const deadline = performance.now() + timeoutMs
      let reply = await send('settle', settleScript, settleCommand(keys, request, now(request.now), counterKeys.keysOf(request.id) ?? []), deadline)
      // Reserved by another process (or forgotten): the script named the keys to declare.
      const named = declaredKeysReply(reply)
      if (named !== undefined) reply = await send('settle', settleScript, settleCommand(keys, request, now(request.now), named), deadline)
      const result = decoded('settle', reply, settleResult)
      counterKeys.forget(request.id)
      return result
    },
    read: async (request: ReadRequest): Promise<CounterReading[]> =>
      run('read', readScript, readCommand(keys, request, now(request.now)), (reply) => counterReadings(reply, request)),
    charge: async (request: ChargeRequest): Promise<ChargeResult> =>
      run('charge', chargeScript, chargeCommand(keys, request, now(request.now), chargeTtlMs), (reply) => chargeResult(reply, request)),
    recordOutputs: async (request: RecordOutputsRequest): Promise<number[]> =>
      run('recordOutputs', recordOutputsScript, recordOutputsCommand(keys, request, learnedOutputsTtlMs), (reply) => outputCounts(reply, request)),
  }
}
