import { interleave, summarize, withTarget, round4 } from '../lib/interleave.mjs'
import { benchPolicies } from '../lib/bench-policies.mjs'
import { benchCallRequest, BENCH_CALL_RESULT } from '../lib/call-path-request.mjs'
import { withRedisServer } from '../lib/redis-server.mjs'

/**
 * Issue #10 scenario 5: guarded calls per second with `redisStore` on this bench's own local
 * `redis-server`, at 1 and 100 concurrent callers. A call is the engine's `begin` (reserve, one
 * EVALSHA, awaited) then `succeed` (settle, one EVALSHA, in the background as in a real call);
 * three policies match it. The floor: the same two scripts with the same KEYS/ARGV (recorded from
 * the store, then replayed with fresh reservation ids) sent with raw `EVALSHA` on the same ioredis
 * client (auto-pipelining on). Redis commands per call are counted from `INFO commandstats`.
 */
export const scenario = {
  name: 'guards.redis',
  requires: [
    ['@finops-ai/core', ['createFinOps', 'callPathOf']],
    ['@finops-ai/redis', ['redisStore']],
  ],
  targets: {
    'guards.redis.c100.wrapped': '≥ 80% of raw EVALSHA throughput at 100 concurrent callers',
    'guards.redis.commands-per-call': 'exactly 2 Redis commands per call (one reserve, one settle)',
  },
}

export async function run({ quick, solo }) {
  const { createFinOps, callPathOf } = await import('@finops-ai/core')
  const { redisStore, redisStoreScripts } = await import('@finops-ai/redis')
  return withRedisServer(({ client, admin }) => measure({ createFinOps, callPathOf, redisStore, redisStoreScripts, client, admin, quick, solo }))
}

async function measure({ createFinOps, callPathOf, redisStore, redisStoreScripts, client, admin, quick, solo }) {
  const request = benchCallRequest()
  const policies = benchPolicies()

  // Record one reserve and one settle exactly as the store sends them.
  const recorded = {}
  const recorder = {
    evalsha: (...command) => {
      if (command[0] === redisStoreScripts.reserve.sha1) recorded.reserve ??= command
      if (command[0] === redisStoreScripts.settle.sha1) recorded.settle ??= command
      return client.evalsha(...command)
    },
    eval: (...command) => client.eval(...command),
  }
  const probeEngine = createFinOps({ store: redisStore({ client: recorder }), policies })
  ;(await callPathOf(probeEngine).begin(request)).succeed(BENCH_CALL_RESULT)
  await probeEngine.flush()
  if (!recorded.reserve || !recorded.settle) throw new Error('the redis store did not send one reserve and one settle EVALSHA')
  const replay = replayer(recorded)

  const finops = createFinOps({ store: redisStore({ client }), policies })
  const path = callPathOf(finops)
  const wrappedCalls = (concurrency) => async (n) => {
    let next = 0
    const worker = async () => {
      while (next++ < n) (await path.begin(request)).succeed(BENCH_CALL_RESULT)
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
    await finops.flush()
  }
  let sequence = 0
  const rawCalls = (concurrency) => async (n) => {
    let next = 0
    const settles = []
    const worker = async () => {
      while (next++ < n) {
        const id = `raw-${++sequence}`
        const reply = await client.evalsha(...replay.reserve(id))
        if (reply[0] !== 1) throw new Error(`raw reserve denied: ${JSON.stringify(reply)}`)
        settles.push(client.evalsha(...replay.settle(id)))
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
    await Promise.all(settles)
  }

  // Redis commands per guarded call. `INFO commandstats` also counts the commands the Lua scripts
  // run inside Redis; the commands a client sent are the script calls themselves (EVALSHA/EVAL:
  // the store has no other command). Both are reported.
  const counted = quick ? 200 : 2_000
  await admin.config('RESETSTAT')
  await wrappedCalls(1)(counted)
  const stats = parseCommandStats(await admin.info('commandstats'))
  delete stats.info
  for (const name of Object.keys(stats)) if (name.startsWith('config')) delete stats[name]
  const sent = (stats.evalsha ?? 0) + (stats.eval ?? 0)
  const insideScripts = Object.entries(stats).filter(([name]) => name !== 'evalsha' && name !== 'eval')
  const commandsPerCall = sent / counted

  let variants = [
    { name: 'c1.wrapped', run: wrappedCalls(1) },
    { name: 'c1.raw-evalsha', run: rawCalls(1) },
    { name: 'c100.wrapped', run: wrappedCalls(100) },
    { name: 'c100.raw-evalsha', run: rawCalls(100) },
  ]
  if (solo) variants = variants.filter((variant) => variant.name.endsWith(solo))
  const samples = await interleave({ variants, clock: 'wall', ...(quick ? { rounds: 4, warmupRounds: 1, batch: 300 } : { rounds: 30, warmupRounds: 3, batch: 1_500 }) })

  const entries = {}
  for (const concurrency of ['c1', 'c100']) {
    const wrapped = samples.get(`${concurrency}.wrapped`)
    const raw = samples.get(`${concurrency}.raw-evalsha`)
    if (!wrapped || !raw) continue
    const rawEntry = summarize(raw)
    entries[`${scenario.name}.${concurrency}.raw-evalsha`] = { ...rawEntry, callsPerSec: Math.round(1e6 / rawEntry.medianUs), unit: 'wall µs per call (2 EVALSHA)' }
    const wrappedEntry = summarize(wrapped, raw)
    // Throughput relative to the floor: raw µs / wrapped µs, median over rounds.
    const throughputRatio = round4(1 / wrappedEntry.ratio)
    let entry = { ...wrappedEntry, callsPerSec: Math.round(1e6 / wrappedEntry.medianUs), throughputVsRaw: throughputRatio, unit: 'wall µs per call' }
    if (concurrency === 'c100') entry = withTarget(entry, '≥ 80% of raw EVALSHA throughput at 100 concurrent callers', throughputRatio >= 0.8)
    entries[`${scenario.name}.${concurrency}.wrapped`] = entry
  }
  entries[`${scenario.name}.commands-per-call`] = withTarget(
    {
      commandsPerCall: round4(commandsPerCall),
      sentPerCall: { evalsha: round4((stats.evalsha ?? 0) / counted), eval: round4((stats.eval ?? 0) / counted) },
      scriptCommandsPerCall: round4(insideScripts.reduce((sum, [, calls]) => sum + calls, 0) / counted),
      scriptCommandsByName: Object.fromEntries(insideScripts.map(([name, calls]) => [name, round4(calls / counted)])),
      calls: counted,
    },
    'exactly 2 Redis commands per call (one reserve, one settle)',
    commandsPerCall === 2,
  )
  return { entries }
}

/** Rebuilds the recorded EVALSHA commands for a fresh reservation id (its record key and ARGV id). */
function replayer(recorded) {
  const oldId = recorded.reserve[2 + recorded.reserve[1] + 1]
  const recordKey = recorded.reserve[2]
  const keyFor = (id) => `${recordKey.slice(0, recordKey.indexOf(':r:') + 3)}${id}`
  const rewrite = (command) => (id) => command.map((part) => (part === oldId ? id : part === recordKey ? keyFor(id) : part))
  if (!recordKey.includes(':r:') || recorded.settle[2] !== recordKey) throw new Error(`unexpected reservation key layout: ${recordKey}`)
  return { reserve: rewrite(recorded.reserve), settle: rewrite(recorded.settle) }
}

function parseCommandStats(info) {
  const stats = {}
  for (const line of info.split('\n')) {
    const match = line.match(/^cmdstat_([^:]+):calls=(\d+)/)
    if (match) stats[match[1]] = Number(match[2])
  }
  return stats
}
