const number = (value, digits = 1) => (value === undefined ? '' : Number(value).toFixed(digits))

/** What an entry measured, in one cell: its ratio/throughput or its named figure. */
function figure(entry) {
  if (entry.figure !== undefined) return entry.figure
  if (entry.status !== undefined) return entry.status
  if (entry.decisionsPerSec !== undefined) return `${entry.decisionsPerSec.toLocaleString('en-US')} decisions/s`
  if (entry.callsPerSec !== undefined) {
    return `${entry.callsPerSec.toLocaleString('en-US')} calls/s${entry.throughputVsRaw !== undefined ? ` (${Math.round(entry.throughputVsRaw * 100)}% of raw)` : ''}`
  }
  if (entry.commandsPerCall !== undefined) return `${entry.commandsPerCall} sent/call (+${entry.scriptCommandsPerCall} inside scripts)`
  if (entry.growthAfterWarmupMB !== undefined) {
    return `growth after warm-up ${entry.growthAfterWarmupMB} MB; retained ${entry.retainedOverBaselineMB} MB; bound ${entry.lruBoundMB} MB`
  }
  return ''
}

/** The results as a markdown table: one row per entry, in insertion order. */
export function markdownTable(entries) {
  const rows = [
    '| benchmark | median µs | min–max µs | ratio to raw | wall median µs | wall ratio | figure | target | met |',
    '|---|---:|---:|---:|---:|---:|---|---|---|',
  ]
  for (const [key, entry] of Object.entries(entries)) {
    const range = entry.minUs === undefined ? '' : `${number(entry.minUs)}–${number(entry.maxUs)}`
    const ratio = entry.ratio === undefined ? '' : `${number(entry.ratio, 3)}×`
    const wallRatio = entry.wallRatio === undefined ? '' : `${number(entry.wallRatio, 3)}×`
    const met = entry.target === undefined ? '' : entry.met ? 'yes' : '**no**'
    rows.push(
      `| ${key} | ${number(entry.medianUs, entry.medianUs < 10 ? 2 : 1)} | ${range} | ${ratio} | ${number(entry.wallMedianUs, entry.wallMedianUs < 10 ? 2 : 1)} | ${wallRatio} | ${figure(entry)} | ${entry.target ?? ''} | ${met} |`,
    )
  }
  return rows.join('\n')
}
