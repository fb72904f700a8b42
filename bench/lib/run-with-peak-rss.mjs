import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'

// Preloaded into the child: reports its peak resident set size (KB) on stderr as it exits.
const reportPeakRss = `data:text/javascript,process.once('exit', () => process.stderr.write('\\nbench-peak-rss-kb=' + process.resourceUsage().maxRSS + '\\n'))`

/**
 * Runs `node [nodeOptions] script [...args]` as a child process and resolves
 * `{ code, signal, wallMs, peakRssBytes, stderr }`: its exit, wall time and peak RSS (the child's
 * own `process.resourceUsage().maxRSS`, reported by a preloaded `--import` hook as it exits;
 * `undefined` when it died without exiting normally, e.g. out of memory). Standard output is
 * discarded; standard error is collected without the report line.
 */
export function runWithPeakRss(script, args, { nodeOptions = [] } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [...nodeOptions, '--import', reportPeakRss, script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (data) => (stderr += data))
    child.on('error', reject)
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started
      const match = /\nbench-peak-rss-kb=(\d+)\n/.exec(stderr)
      resolve({
        code,
        signal,
        wallMs,
        peakRssBytes: match ? Number(match[1]) * 1024 : undefined,
        stderr: stderr.replace(/\nbench-peak-rss-kb=\d+\n/, '').trim(),
      })
    })
  })
}
