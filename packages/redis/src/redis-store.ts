import { ConfigError, type ChargeRequest, type ChargeResult, type CounterReading, type ReadRequest, type ReserveDecision, type ReserveRequest, type SettleRequest, type SettleResult, type Store } from '@finops-ai/core'
import { chargeCommand, chargeResult } from './charge-command.js'
import { clientReadiness } from './client-readiness.js'
import { isReplyError } from './clients/reply-error.js'
import { scriptClientOf } from './clients/script-client-of.js'
import { counterReadings, readCommand } from './read-command.js'
import { redisKeys } from './redis-keys.js'
import type { RedisScriptClient } from './redis-script-client.js'
import { RedisStoreError, type RedisStoreOperation } from './redis-store-error.js'
import { reserveCommand, reserveDecision } from './reserve-command.js'
import { runScript } from './run-script.js'
import { integerReply } from './script-arguments.js'
import { chargeScript } from './scripts/charge-script.js'
import { readScript } from './scripts/read-script.js'
import { reserveScript } from './scripts/reserve-script.js'
import type { RedisScript } from './scripts/redis-script.js'
import { redisStoreScripts } from './scripts/redis-store-scripts.js'
import { settleScript } from './scripts/settle-script.js'
import { cancelCommand, settleCommand, settleResult } from './settle-command.js'
import { withinDeadline } from './within-deadline.js'

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
   * {@link RedisStoreError} (`failure: 'timeout'`) and the guards apply `onStoreError`.
   * Default `100`.
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
}

/**
 * A {@link Store} in Redis that many processes share, exact under concurrency: each operation
 * (`reserve`, `settle`, `read`, `charge`) is one Lua script, run atomically in one round trip by `EVALSHA`
 * (its source is sent with `EVAL` only after a `NOSCRIPT`). Every key expires, key components are
 * escaped, and all keys carry the `{prefix}` hash tag so the store works on Redis Cluster.
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
  const client = scriptClientOf(options.client)
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
  if (!(timeoutMs > 0)) throw new ConfigError({ path: 'redisStore.timeoutMs', detail: `expected a positive number of ms, got ${timeoutMs}` })
  if (!Number.isSafeInteger(leaseMs) || leaseMs <= 0) {
    throw new ConfigError({ path: 'redisStore.reservationTtlMs', detail: `expected a positive integer of ms, got ${leaseMs}` })
  }
  if (!Number.isSafeInteger(chargeTtlMs) || chargeTtlMs <= 0) {
    throw new ConfigError({ path: 'redisStore.chargeTtlMs', detail: `expected a positive integer of ms, got ${chargeTtlMs}` })
  }
  if (onError !== 'fail-open' && onError !== 'fail-closed') {
    throw new ConfigError({ path: 'redisStore.onError', detail: `expected one of fail-open|fail-closed, got '${String(onError)}'` })
  }
  const clock = options.clock ?? 'server'
  const now = (requested: number | undefined): string => (clock === 'server' ? '' : String(Math.floor(requested ?? clock())))

  const run = async <T>(operation: RedisStoreOperation, script: RedisScript, command: { keys: string[]; args: string[] }, decode: (reply: number[]) => T | undefined): Promise<T> => {
    const timeout = () => new RedisStoreError(operation, 'timeout', `no reply within ${timeoutMs} ms`)
    let reply: unknown
    try {
      // Before the client is ready, wait for it inside the same deadline; a command is never sent
      // after the deadline passed (the caller has already been told the operation failed).
      let expired = false
      const attempt = (): Promise<unknown> => runScript(client, script, command.keys, command.args)
      const work = readiness.isReady() ? attempt() : readiness.ready().then(() => (expired ? Promise.reject(timeout()) : attempt()))
      reply = await withinDeadline(work, timeoutMs, () => {
        expired = true
        return timeout()
      })
    } catch (error) {
      if (error instanceof RedisStoreError) throw error
      throw new RedisStoreError(operation, isReplyError(error) ? 'reply' : 'connection', error instanceof Error ? error.message : String(error), { cause: error })
    }
    const numbers = integerReply(reply)
    const decoded = numbers === undefined ? undefined : decode(numbers)
    if (decoded === undefined) throw new RedisStoreError(operation, 'reply', `unexpected reply ${JSON.stringify(reply)}`)
    return decoded
  }

  return {
    onError,
    reservationTtlMs: leaseMs,
    ready: readiness.ready,
    reserve: async (request: ReserveRequest): Promise<ReserveDecision> => {
      const command = reserveCommand(keys, request, now(request.now), leaseMs)
      try {
        return await run('reserve', reserveScript, command, (reply) => reserveDecision(reply, request))
      } catch (error) {
        // The reserve may still run (a slow server, a client re-sending after reconnecting or a
        // failover): release it and refuse it for as long as its lease would have held it.
        if (error instanceof RedisStoreError && error.failure !== 'reply') {
          run('settle', settleScript, cancelCommand(keys, request.id, now(request.now), leaseMs), settleResult).catch(() => undefined)
        }
        throw error
      }
    },
    settle: async (request: SettleRequest): Promise<SettleResult> => run('settle', settleScript, settleCommand(keys, request, now(request.now)), settleResult),
    read: async (request: ReadRequest): Promise<CounterReading[]> =>
      run('read', readScript, readCommand(keys, request, now(request.now)), (reply) => counterReadings(reply, request)),
    charge: async (request: ChargeRequest): Promise<ChargeResult> =>
      run('charge', chargeScript, chargeCommand(keys, request, now(request.now), chargeTtlMs), (reply) => chargeResult(reply, request)),
  }
}
