import { parseFocusCsv } from './parse-focus-csv.js'
import { type FocusValidation, validateFocusRows } from './validate-focus-rows.js'

/**
 * Validates FOCUS CSV text like {@link validateFocusRows}, after reading it with `parseFocusCsv`:
 * an empty unquoted field is null, a quoted empty field (`""`) is an empty string and is reported
 * as such. Malformed CSV (field counts, quotes) is reported as issues in column `(csv)`.
 */
export function validateFocusCsv(text: string): FocusValidation {
  const parsed = parseFocusCsv(text)
  const result = validateFocusRows(parsed.rows, parsed.columns)
  const issues = [...parsed.errors.map((error) => ({ row: error.row, column: '(csv)', message: error.message })), ...result.issues]
  return { valid: issues.length === 0, issues }
}
