import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPriceBook } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import { toFocusRows } from './focus-aggregator.js'
import { FOCUS_COLUMN_NAMES } from './focus-columns.js'
import { toFocusCsv, writeFocusCsv } from './focus-csv.js'
import { focusMetadata } from './focus-metadata.js'
import { parseFocusCsv } from './parse-focus-csv.js'
import { fixturePrices, fixtureRecords } from './usage-record-fixture.js'
import { validateFocusCsv } from './validate-focus-csv.js'

const rows = toFocusRows(fixtureRecords, { priceBook: createPriceBook({ overrides: fixturePrices }) })

describe('FOCUS CSV', () => {
  it('writes null as an empty unquoted field and an empty string as ""', () => {
    const csv = toFocusCsv([{ a: null, b: '', c: 'x,"y"', d: true }], ['a', 'b', 'c', 'd'])
    expect(csv).toBe('a,b,c,d\n,"","x,""y""",true\n')
    expect(parseFocusCsv(csv).rows).toEqual([{ a: null, b: '', c: 'x,"y"', d: 'true' }])
  })

  it('round-trips rows through a file and validates them', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'focus-csv-')), 'focus.csv')
    await writeFocusCsv(rows, path)
    const text = readFileSync(path, 'utf8')
    expect(text.split('\n')[0]).toBe(FOCUS_COLUMN_NAMES.join(','))
    expect(validateFocusCsv(text)).toEqual({ valid: true, issues: [] })
    expect(parseFocusCsv(text).rows[1]!.ListCost).toBe(rows[1]!.ListCost)
  })

  it('rejects a CSV that writes "" for a null and one with a wrong field count', () => {
    const text = toFocusCsv(rows.map((row) => ({ ...row, InvoiceId: '' })))
    expect(validateFocusCsv(text).issues[0]).toEqual({ row: 1, column: 'InvoiceId', message: expect.stringContaining('empty string') })
    const short = `${toFocusCsv(rows.slice(0, 1))}a,b\n`
    expect(validateFocusCsv(short).issues[0]).toEqual({ row: 2, column: '(csv)', message: `2 fields, expected ${FOCUS_COLUMN_NAMES.length}` })
  })

  it('describes every column in the metadata document', () => {
    const metadata = focusMetadata({ creationDate: new Date('2026-11-28T00:00:00Z') })
    expect(metadata.FocusVersion).toBe('1.3')
    expect(metadata.ColumnDefinition.map((column) => column.ColumnName)).toEqual(FOCUS_COLUMN_NAMES)
    expect(metadata.ColumnDefinition[0]).toEqual({ ColumnName: 'BilledCost', DataType: 'DECIMAL', NumericPrecision: 38, NumberScale: 15 })
  })
})
