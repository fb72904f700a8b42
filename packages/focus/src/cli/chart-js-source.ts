import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

let cached: string | undefined

/**
 * The Chart.js UMD bundle (`chart.js/dist/chart.umd.min.js`) as text, to inline into a report.
 * Chart.js's `exports` map does not expose `dist/`, so the file is found next to its main entry.
 */
export function chartJsSource(): string {
  cached ??= readFileSync(join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js'), 'utf8')
  return cached
}
