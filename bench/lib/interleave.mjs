import { performance } from 'node:perf_hooks'

/**
 * One variant of a scenario: `run(n)` performs `n` operations (sequentially unless the scenario
 * says otherwise). `setup`/`teardown` run around every batch, outside the timed region (e.g. to
 * register or unregister the OTel SDK, enable or disable an instrumentation).
 * @typedef {{ name: string, run: (n: number) => Promise<void> | void, setup?: () => Promise<void> | void, teardown?: () => Promise<void> | void }} Variant
 */

/**
 * Runs `variants` interleaved in this process: warm-up rounds first (not recorded), then `rounds`
 * rounds of one batch of `batch` operations per variant. The variant order rotates each round
 * (A B C, B C A, C A B, ...) so that neither drift nor the garbage one variant leaves behind for
 * the next lands on the same variant every time.
 *
 * Each batch is timed by `clock`: `'cpu'` (default) is this process's CPU time (user + system,
 * `process.cpuUsage()`, all its threads, so GC helper threads count): on a shared machine it leaves
 * out the time the process waits for a core, which wall time can't. Use `'wall'` when the
 * operation waits for I/O (Redis). Wall time is recorded either way (`samples.wall`).
 *
 * @param {{ variants: Variant[], rounds: number, warmupRounds: number, batch: number, clock?: 'cpu' | 'wall' }} options
 * @returns {Promise<Map<string, number[]> & { wall: Map<string, number[]> }>} per variant, µs per operation in each recorded round (round order)
 */
export async function interleave({ variants, rounds, warmupRounds, batch, clock = 'cpu' }) {
  const samples = new Map(variants.map((variant) => [variant.name, []]))
  const wall = new Map(variants.map((variant) => [variant.name, []]))
  for (let round = -warmupRounds; round < rounds; round++) {
    const offset = ((round % variants.length) + variants.length) % variants.length
    for (let step = 0; step < variants.length; step++) {
      const variant = variants[(offset + step) % variants.length]
      await variant.setup?.()
      const cpuStarted = process.cpuUsage()
      const started = performance.now()
      await variant.run(batch)
      const elapsedMs = performance.now() - started
      const cpu = process.cpuUsage(cpuStarted)
      await variant.teardown?.()
      if (round >= 0) {
        samples.get(variant.name).push(clock === 'cpu' ? (cpu.user + cpu.system) / batch : (elapsedMs * 1000) / batch)
        wall.get(variant.name).push((elapsedMs * 1000) / batch)
      }
    }
  }
  samples.wall = wall
  return samples
}

/** Median of `values` (mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * Summary of one variant against `baseline` (both µs per operation per round, same rounds):
 * median, min and max over rounds, and the ratio to the baseline as the median of the per-round
 * ratios (each round's batches ran back to back, so drift cancels in the pair).
 */
export function summarize(values, baseline) {
  const entry = { medianUs: round3(median(values)), minUs: round3(Math.min(...values)), maxUs: round3(Math.max(...values)), rounds: values.length }
  if (baseline !== undefined) entry.ratio = round4(median(values.map((value, index) => value / baseline[index])))
  return entry
}

/**
 * {@link summarize} of variant `name` of `samples` (what {@link interleave} returns) on both
 * clocks: the fields of the measuring clock (`medianUs`, `minUs`, `maxUs`, `ratio`) and the same
 * over wall time (`wallMedianUs`, `wallMinUs`, `wallMaxUs`, `wallRatio`). The ratio is left out
 * for `baselineName` itself.
 */
export function summarizeClocks(samples, name, baselineName) {
  const baseline = name === baselineName ? undefined : baselineName
  const entry = summarize(samples.get(name), baseline && samples.get(baseline))
  const wall = summarize(samples.wall.get(name), baseline && samples.wall.get(baseline))
  entry.wallMedianUs = wall.medianUs
  entry.wallMinUs = wall.minUs
  entry.wallMaxUs = wall.maxUs
  if (baseline !== undefined) entry.wallRatio = wall.ratio
  return entry
}

/** Median over rounds of (`values` − `baseline`) in the same round: what a variant adds, in µs per operation. */
export function medianDifference(values, baseline) {
  return round3(median(values.map((value, index) => value - baseline[index])))
}

/** `entry` with `target` (human-readable bound) and `met` computed from `ok`. */
export function withTarget(entry, target, ok) {
  return { ...entry, target, met: Boolean(ok) }
}

export const round3 = (value) => Math.round(value * 1000) / 1000
export const round4 = (value) => Math.round(value * 10000) / 10000
