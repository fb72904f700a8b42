import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { stringify, type Options, type Stringifier } from 'csv-stringify'
import { stringify as stringifySync } from 'csv-stringify/sync'
import { FOCUS_COLUMN_NAMES, type FocusRow } from './focus-columns.js'

/**
 * csv-stringify options for FOCUS: a header row; `null` → an EMPTY UNQUOTED field and `''` → `""`
 * (so a reader can tell a real null from an empty string — FOCUS forbids the latter, and
 * `validateFocusCsv` reports it); booleans as `true`/`false`; RFC 4180 quoting otherwise.
 */
export function focusCsvOptions(columns: readonly string[] = FOCUS_COLUMN_NAMES): Options {
  return {
    header: true,
    columns: [...columns],
    cast: {
      boolean: (value) => (value ? 'true' : 'false'),
      string: (value) => (value === '' ? { value: '', quoted_empty: true } : value),
    },
  }
}

/** A csv-stringify transform stream writing FOCUS rows (see {@link focusCsvOptions}). */
export function focusCsvStringifier(columns?: readonly string[]): Stringifier {
  return stringify(focusCsvOptions(columns))
}

/** FOCUS rows as CSV text (see {@link focusCsvOptions}). */
export function toFocusCsv(rows: readonly FocusRow[], columns?: readonly string[]): string {
  return stringifySync([...rows], focusCsvOptions(columns))
}

/** Writes FOCUS rows as CSV to `path`, streaming row by row; resolves once the file is closed. */
export async function writeFocusCsv(rows: Iterable<FocusRow>, path: string, columns?: readonly string[]): Promise<void> {
  const output = createWriteStream(path)
  const csv = focusCsvStringifier(columns)
  csv.pipe(output)
  for (const row of rows) if (!csv.write(row)) await once(csv, 'drain')
  csv.end()
  await once(output, 'close')
}
