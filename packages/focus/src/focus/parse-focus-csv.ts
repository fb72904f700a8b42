import type { FocusRow } from './focus-columns.js'

/** A CSV read back as FOCUS rows: an empty unquoted field is `null`, a quoted one (`""`) is `''`. */
export interface ParsedFocusCsv {
  columns: string[]
  rows: FocusRow[]
  /** Problems with the CSV itself (wrong field count, unterminated quote), 1-based data row. */
  errors: { row: number; message: string }[]
}

/**
 * Parses RFC 4180 CSV text keeping the difference between null and empty string, which FOCUS
 * needs and general CSV parsers erase: `a,,b` has a null middle field, `a,"",b` an empty string.
 */
export function parseFocusCsv(text: string): ParsedFocusCsv {
  const records: (string | null)[][] = []
  const errors: ParsedFocusCsv['errors'] = []
  let record: (string | null)[] = []
  let field = ''
  let quoted = false
  let inQuotes = false
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const endField = () => {
    record.push(quoted || field !== '' ? field : null)
    field = ''
    quoted = false
  }
  for (; index < text.length; index++) {
    const char = text[index]
    if (inQuotes) {
      if (char !== '"') field += char
      else if (text[index + 1] === '"') {
        field += '"'
        index++
      } else inQuotes = false
    } else if (char === '"' && field === '' && !quoted) {
      inQuotes = true
      quoted = true
    } else if (char === ',') endField()
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++
      endField()
      records.push(record)
      record = []
    } else field += char
  }
  if (inQuotes) errors.push({ row: records.length, message: 'unterminated quoted field' })
  if (field !== '' || quoted || record.length > 0) {
    endField()
    records.push(record)
  }
  const columns = (records.shift() ?? []).map((name) => name ?? '')
  const rows = records.map((values, index) => {
    if (values.length !== columns.length) errors.push({ row: index + 1, message: `${values.length} fields, expected ${columns.length}` })
    const row: FocusRow = {}
    columns.forEach((name, column) => (row[name] = values[column] ?? null))
    return row
  })
  return { columns, rows, errors }
}
