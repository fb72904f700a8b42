import { existsSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'

/** `YYYY-MM-DD` of `date` in UTC. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/**
 * Where a full or finished ledger file is moved: `usage.jsonl` with its contents from `day` →
 * `usage-2026-11-28.jsonl`, or the first free of `usage-2026-11-28.1.jsonl`, `.2`, … when that
 * name is taken (several size rotations on one day). The active file keeps its name, so writers
 * and `finops-ai report usage*.jsonl` never need to know about rotation.
 */
export function rotatedPath(path: string, day: string, exists: (candidate: string) => boolean = existsSync): string {
  const extension = extname(path)
  const stem = join(dirname(path), `${basename(path, extension)}-${day}`)
  for (let index = 0; ; index++) {
    const candidate = `${stem}${index === 0 ? '' : `.${index}`}${extension}`
    if (!exists(candidate)) return candidate
  }
}
