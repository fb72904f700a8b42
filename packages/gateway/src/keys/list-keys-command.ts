import { usingKeysFile } from './keys-command-errors.js'
import type { KeysCommandIo } from './keys-command-io.js'
import { readKeysFile } from './keys-file.js'
import { parseKeysCommandLine, requiredOption } from './parse-keys-command-line.js'
import type { VirtualKeyEntry } from './virtual-key-entry.js'

const header = ['ID', 'STATUS', 'CREATED', 'EXPIRES', 'ATTRIBUTION', 'USER HEADER', 'PROVIDERS', 'MODELS']

/** `2026-12-03T07:05:28Z`: to the second, as a terminal column. */
const formatDate = (date: Date | undefined): string => (date === undefined ? '-' : `${date.toISOString().slice(0, 19)}Z`)

function status(entry: VirtualKeyEntry, now: number): string {
  if (entry.revoked === true) return 'revoked'
  return entry.expires !== undefined && entry.expires.getTime() <= now ? 'expired' : 'active'
}

function row(entry: VirtualKeyEntry, now: number): string[] {
  return [
    entry.id,
    status(entry, now),
    formatDate(entry.created),
    formatDate(entry.expires),
    Object.entries(entry.attribution).map(([key, value]) => `${key}=${value}`).join(' '),
    entry.userHeader ?? '-',
    entry.providers?.join(',') ?? 'all',
    entry.models?.join(',') ?? 'all',
  ]
}

/** `rows` as left-aligned columns two spaces apart, without trailing spaces. */
function formatColumns(rows: readonly string[][]): string {
  const widths = header.map((_, column) => Math.max(...rows.map((cells) => cells[column]!.length)))
  return rows.map((cells) => `${cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()}\n`).join('')
}

/** `keys list`: one line per key of `--file` (id, status, dates, attribution, permissions); never a secret or a hash. */
export function listKeysCommand(args: readonly string[], io: KeysCommandIo): number {
  const { values } = parseKeysCommandLine(args, { file: { type: 'string' } })
  const file = requiredOption('file', values.file)
  const entries = usingKeysFile(file, () => readKeysFile(file))
  if (entries.length === 0) {
    io.stderr(`${file} holds no keys; create one with keys create\n`)
    return 0
  }
  const now = Date.now()
  io.stdout(formatColumns([header, ...entries.map((entry) => row(entry, now))]))
  return 0
}
