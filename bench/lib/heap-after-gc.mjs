/**
 * `process.memoryUsage().heapUsed` after two forced full GCs (the second collects what the first
 * only finalized), in bytes. Needs `node --expose-gc`, which bench/run.mjs passes to every scenario.
 */
export function heapAfterGc() {
  if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc (bench/run.mjs does)')
  globalThis.gc()
  globalThis.gc()
  return process.memoryUsage().heapUsed
}

/** Bytes as MB (2^20), two decimals. */
export const megabytes = (bytes) => Math.round((bytes / 1048576) * 100) / 100
