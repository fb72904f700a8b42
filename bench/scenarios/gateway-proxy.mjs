import { createRequire } from 'node:module'
import { CHAT_REQUEST } from '../lib/canned-openai.mjs'
import { forkServer, freePort } from '../lib/forked-server.mjs'
import { BENCH_GATEWAY_SECRET, GATEWAY_DIST } from '../lib/gateway-bench-setup.mjs'
import { megabytes } from '../lib/heap-after-gc.mjs'
import { openLoad, quantile } from '../lib/http-load.mjs'

const lib = (file) => new URL(`../lib/${file}`, import.meta.url).pathname
const ADDED_1 = 'added p50 ≤ 1 ms and p99 ≤ 5 ms over direct'
const AT_100 = 'throughput ≥ 2× Portkey’s and added p50 below Portkey’s'
const SOAK_BOUND_MB = 5

/**
 * Issue #19 "Performance": chat completions at 1 and 100 concurrent clients, non-streamed and
 * streamed (20 chunks), three ways side by side, each server in its own process on this machine:
 * `direct` to a canned OpenAI-compatible upstream (bench/lib/canned-chat-upstream.mjs), through
 * `finops` — `@finops-ai/gateway` with three policies on the memory store and a real OTel SDK
 * (bench/lib/gateway-bench-server.mjs) — and through `portkey` (`@portkey-ai/gateway`, upstream
 * per request by `x-portkey-provider: openai` + `x-portkey-custom-host`). The load client is
 * `node:http` with keep-alive agents (one socket per client); the gateways reach the upstream with
 * their own keep-alive `fetch`. Rounds rotate the variant order; latencies are pooled over rounds,
 * throughput is the median over rounds. Per-chunk streaming overhead: (added p50 at 220 chunks −
 * added p50 at 20) / 200, at 1 client. Soak: requests through the finops gateway at 100 clients,
 * half streamed, heap after GC (in the gateway's process) every tenth; growth after warm-up.
 */
export const scenario = {
  name: 'gateway.proxy',
  requires: [
    [GATEWAY_DIST, ['createGateway']],
    ['@finops-ai/core', ['createFinOps', 'memoryStore']],
  ],
  targets: {
    'gateway.proxy.c1.nonstream.finops': ADDED_1,
    'gateway.proxy.c1.stream.finops': ADDED_1,
    'gateway.proxy.c100.nonstream.finops': AT_100,
    'gateway.proxy.c100.stream.finops': AT_100,
    'gateway.proxy.soak.finops': `heap growth after warm-up ≤ ${SOAK_BOUND_MB} MB`,
  },
}

const body = (chunks) => JSON.stringify(chunks === 0 ? CHAT_REQUEST : { ...CHAT_REQUEST, max_tokens: chunks, stream: true, stream_options: { include_usage: true } })

/** Throws unless `text` is the canned answer: a completion, or a stream of `chunks` content chunks + usage + `[DONE]`. */
function checkAnswer(variant, text, chunks) {
  if (chunks === 0) {
    if (JSON.parse(text).choices?.[0]?.message?.content === undefined) throw new Error(`${variant}: not a chat completion: ${text.slice(0, 200)}`)
    return
  }
  const events = text.split('\n\n').filter((record) => record.startsWith('data: '))
  if (events.at(-1) !== 'data: [DONE]' || events.length !== chunks + 2) throw new Error(`${variant}: expected ${chunks} chunks + usage + [DONE], got ${events.length} events: ${text.slice(-200)}`)
}

const ms = (us) => Math.round(us / 10) / 100
const perSec = (value) => Math.round(value).toLocaleString('en-US')

export async function run({ quick }) {
  try {
    createRequire(import.meta.url).resolve('@portkey-ai/gateway/package.json')
  } catch {
    return { skipped: '@portkey-ai/gateway is not installed (a root devDependency): run pnpm install' }
  }
  const upstream = await forkServer(lib('canned-chat-upstream.mjs'))
  const upstreamBase = `http://127.0.0.1:${upstream.port}/v1`
  const servers = [upstream]
  try {
    const finops = await forkServer(lib('gateway-bench-server.mjs'), [upstreamBase], { execArgv: ['--expose-gc'] })
    servers.push(finops)
    const portkey = await forkServer(lib('portkey-bench-server.mjs'), [String(await freePort())])
    servers.push(portkey)
    const path = '/v1/chat/completions'
    const targets = {
      direct: { url: `${upstreamBase}/chat/completions`, headers: { authorization: 'Bearer sk-bench-upstream' } },
      finops: { url: `http://127.0.0.1:${finops.port}${path}`, headers: { authorization: `Bearer ${BENCH_GATEWAY_SECRET}` } },
      portkey: {
        url: `http://127.0.0.1:${portkey.port}${path}`,
        headers: { authorization: 'Bearer sk-bench-upstream', 'x-portkey-provider': 'openai', 'x-portkey-custom-host': upstreamBase },
      },
    }

    const modes = [
      { name: 'c1.nonstream', concurrency: 1, chunks: 0, batch: quick ? 150 : 1000, warmup: quick ? 200 : 1000 },
      { name: 'c1.stream', concurrency: 1, chunks: 20, batch: quick ? 100 : 600, warmup: quick ? 100 : 600 },
      { name: 'c1.stream-220', concurrency: 1, chunks: 220, batch: quick ? 30 : 200, warmup: quick ? 30 : 100 },
      { name: 'c100.nonstream', concurrency: 100, chunks: 0, batch: quick ? 1000 : 4000, warmup: quick ? 500 : 2000 },
      { name: 'c100.stream', concurrency: 100, chunks: 20, batch: quick ? 600 : 3000, warmup: quick ? 300 : 2000 },
    ]
    const rounds = quick ? 2 : 4
    const results = {}
    const failures = {}
    for (const mode of modes) {
      const loads = []
      for (const [variant, target] of Object.entries(targets)) {
        const load = openLoad({ ...target, body: body(mode.chunks) }, mode.concurrency)
        try {
          checkAnswer(variant, await load.check(), mode.chunks)
        } catch (error) {
          load.close()
          failures[`${mode.name}.${variant}`] = (error instanceof Error ? error.message : String(error)).split('\n')[0]
          continue
        }
        await load.run(mode.warmup)
        loads.push({ variant, load, latencies: [], throughput: [] })
      }
      for (let round = 0; round < rounds; round++) {
        for (let step = 0; step < loads.length; step++) {
          const entry = loads[(round + step) % loads.length]
          const { latenciesUs, wallMs } = await entry.load.run(mode.batch)
          entry.latencies.push(latenciesUs)
          entry.throughput.push((mode.batch * 1000) / wallMs)
        }
      }
      for (const entry of loads) {
        entry.load.close()
        const pooled = Float64Array.from(entry.latencies.flatMap((values) => Array.from(values)))
        results[`${mode.name}.${entry.variant}`] = {
          p50Us: quantile(pooled, 0.5),
          p99Us: quantile(pooled, 0.99),
          reqPerSec: quantile(entry.throughput, 0.5),
          requests: pooled.length,
        }
      }
    }

    const entries = {}
    for (const mode of modes.filter((each) => each.name !== 'c1.stream-220')) {
      const direct = results[`${mode.name}.direct`]
      for (const variant of Object.keys(targets)) {
        const key = `${scenario.name}.${mode.name}.${variant}`
        const result = results[`${mode.name}.${variant}`]
        if (result === undefined) {
          entries[key] = { status: 'failed', reason: failures[`${mode.name}.${variant}`], figure: `failed: ${failures[`${mode.name}.${variant}`]}` }
          continue
        }
        const added = variant === 'direct' ? undefined : { p50Us: result.p50Us - direct.p50Us, p99Us: result.p99Us - direct.p99Us }
        entries[key] = {
          concurrency: mode.concurrency,
          streamChunks: mode.chunks,
          requests: result.requests,
          p50Ms: ms(result.p50Us),
          p99Ms: ms(result.p99Us),
          reqPerSec: Math.round(result.reqPerSec),
          ...(added && { addedP50Ms: ms(added.p50Us), addedP99Ms: ms(added.p99Us) }),
          figure: `p50 ${ms(result.p50Us)} ms, p99 ${ms(result.p99Us)} ms${added ? ` (added ${ms(added.p50Us)} / ${ms(added.p99Us)} ms)` : ''}; ${perSec(result.reqPerSec)} req/s`,
        }
      }
      const ours = entries[`${scenario.name}.${mode.name}.finops`]
      const theirs = entries[`${scenario.name}.${mode.name}.portkey`]
      if (ours.status === 'failed') Object.assign(ours, { target: scenario.targets[`${scenario.name}.${mode.name}.finops`], met: false })
      else if (mode.concurrency === 1) Object.assign(ours, { target: ADDED_1, met: ours.addedP50Ms <= 1 && ours.addedP99Ms <= 5 })
      else {
        const versus = theirs.status === 'failed' ? undefined : { throughput: ours.reqPerSec / theirs.reqPerSec, addedP50Ms: theirs.addedP50Ms }
        Object.assign(ours, {
          target: AT_100,
          ...(versus && { throughputVsPortkey: Math.round(versus.throughput * 100) / 100 }),
          met: versus !== undefined && versus.throughput >= 2 && ours.addedP50Ms < versus.addedP50Ms,
          ...(versus === undefined && { reason: 'Portkey failed in this mode, so there is nothing to compare with' }),
        })
        ours.figure += versus ? `; ${ours.throughputVsPortkey}× Portkey’s throughput` : '; no Portkey figure to compare'
      }
    }
    for (const variant of ['finops', 'portkey']) {
      const [short, long, shortDirect, longDirect] = [`c1.stream.${variant}`, `c1.stream-220.${variant}`, 'c1.stream.direct', 'c1.stream-220.direct'].map((key) => results[key])
      const key = `${scenario.name}.stream-per-chunk.${variant}`
      if (short === undefined || long === undefined) {
        entries[key] = { status: 'failed', reason: failures[`c1.stream-220.${variant}`] ?? failures[`c1.stream.${variant}`] }
        continue
      }
      const perChunkUs = (long.p50Us - longDirect.p50Us - (short.p50Us - shortDirect.p50Us)) / 200
      entries[key] = { perChunkUs: Math.round(perChunkUs * 10) / 10, figure: `${Math.round(perChunkUs * 10) / 10} µs added per chunk (p50 at 220 vs 20 chunks, 1 client)` }
    }

    entries[`${scenario.name}.soak.finops`] = await soak(finops, targets.finops, quick)
    return { entries, info: { finopsGateway: await finops.ask('stats') } }
  } finally {
    await Promise.all(servers.map((server) => server.close()))
  }
}

/** Requests through the finops gateway at 100 clients (blocks alternating non-streamed and streamed), the gateway's heap after GC every block. */
async function soak(finops, target, quick) {
  const total = quick ? 4_000 : 100_000
  const block = total / 10
  const warmup = 2 * block
  const loads = [openLoad({ ...target, body: body(0) }, 100), openLoad({ ...target, body: body(20) }, 100)]
  const checkpoints = [[0, (await finops.ask('stats')).heapUsed]]
  for (let sent = 0; sent < total; sent += block) {
    await loads[(sent / block) % 2].run(block)
    checkpoints.push([sent + block, (await finops.ask('stats')).heapUsed])
  }
  for (const load of loads) load.close()
  const atWarmup = checkpoints.find(([sent]) => sent === warmup)[1]
  const growth = checkpoints.at(-1)[1] - atWarmup
  return {
    requests: total,
    warmupRequests: warmup,
    heapAtWarmupMB: megabytes(atWarmup),
    heapAtEndMB: megabytes(checkpoints.at(-1)[1]),
    growthAfterWarmupMB: megabytes(growth),
    checkpointsMB: checkpoints.map(([sent, heap]) => [sent, megabytes(heap)]),
    figure: `${total.toLocaleString('en-US')} requests: heap ${megabytes(atWarmup)} MB after ${warmup.toLocaleString('en-US')}, ${megabytes(checkpoints.at(-1)[1])} MB at the end (growth ${megabytes(growth)} MB)`,
    target: `heap growth after warm-up ≤ ${SOAK_BOUND_MB} MB`,
    met: growth <= SOAK_BOUND_MB * 1048576,
  }
}
