import { compareDecimals, multiplyDecimals, parseDecimal, type ExactDecimal } from './exact-decimal.js'
import { ALLOWED_VALUES, SERVICE_SUBCATEGORIES } from './focus-allowed-values.js'
import { FOCUS_COLUMNS, type FocusColumn, type FocusRow } from './focus-columns.js'

/** One problem found by {@link validateFocusRows}. */
export interface FocusIssue {
  /** 1-based data row (the CSV header is row 0); 0 for problems with the columns themselves. */
  row: number
  column: string
  message: string
}

/** Result of a validation: `valid` is true when `issues` is empty. */
export interface FocusValidation {
  valid: boolean
  issues: FocusIssue[]
}

const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/
const integer = /^-?\d+$/
const byName = new Map(FOCUS_COLUMNS.map((column) => [column.name, column]))
const currencies = new Set(Intl.supportedValuesOf('currency'))
const maxIssues = 1000

/** The FOCUS columns a dataset must have (this package's non-`x_` columns). */
const requiredColumns = FOCUS_COLUMNS.filter((column) => !column.name.startsWith('x_')).map((column) => column.name)

function formatIssue(column: FocusColumn, value: string | number | boolean): string | undefined {
  const text = String(value)
  switch (column.dataType) {
    case 'DECIMAL':
      return parseDecimal(text) === undefined ? `'${text}' is not a FOCUS decimal (digits, one '.', optional E-notation)` : undefined
    case 'INTEGER':
      return integer.test(text) ? undefined : `'${text}' is not an integer`
    case 'DATETIME':
      return dateTime.test(text) && !Number.isNaN(Date.parse(text)) ? undefined : `'${text}' is not an ISO 8601 UTC date/time (YYYY-MM-DDTHH:mm:ssZ)`
    case 'BOOLEAN':
      return value === true || value === false || text === 'true' || text === 'false' ? undefined : `'${text}' is not a boolean`
    case 'JSON': {
      let parsed: unknown
      try {
        parsed = JSON.parse(text)
      } catch {
        return `'${text}' is not JSON`
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'must be a JSON object'
      const nested = Object.values(parsed).some((entry) => typeof entry === 'object' && entry !== null)
      return nested ? 'values of a key-value column must not be objects or arrays' : undefined
    }
    default:
      return undefined
  }
}

const decimalOf = (value: FocusRow[string]): ExactDecimal | undefined => (value === null || value === undefined ? undefined : parseDecimal(String(value)))

/**
 * Checks rows against the FOCUS 1.3 rules that apply to usage data: every mandatory column present
 * and only `x_`-prefixed custom columns; no empty strings (a missing value must be a real null);
 * non-nullable columns set; formats (decimals, ISO 8601 UTC date/times, ISO 4217 currency codes,
 * JSON key-value objects); allowed values (ChargeCategory, ChargeClass, ChargeFrequency,
 * PricingCategory, ServiceCategory and its ServiceSubcategory); the nullability rules of usage
 * charges; periods (start < end, charge period inside the billing period); and the invariants
 * `ListCost = ListUnitPrice × PricingQuantity` and `ContractedCost = ContractedUnitPrice ×
 * PricingQuantity`, compared as exact decimals. Stops collecting after 1000 issues.
 */
export function validateFocusRows(rows: readonly FocusRow[], columns?: readonly string[]): FocusValidation {
  const issues: FocusIssue[] = []
  const names = columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))]
  for (const name of requiredColumns) if (!names.includes(name)) issues.push({ row: 0, column: name, message: 'mandatory column is missing' })
  for (const name of names) {
    if (!byName.has(name) && !name.startsWith('x_')) issues.push({ row: 0, column: name, message: 'not a FOCUS column; custom columns must start with x_' })
  }
  rows.forEach((row, index) => {
    if (issues.length < maxIssues) validateRow(row, index + 1, issues)
  })
  return { valid: issues.length === 0, issues: issues.slice(0, maxIssues) }
}

function validateRow(row: FocusRow, number: number, issues: FocusIssue[]): void {
  const issue = (column: string, message: string) => issues.push({ row: number, column, message })
  const value = (column: string) => (row[column] === undefined ? null : row[column])
  for (const [name, raw] of Object.entries(row)) {
    const column = byName.get(name)
    if (raw === '') {
      issue(name, "empty string: FOCUS requires null (an empty unquoted CSV field) when there is no value")
      continue
    }
    if (raw === null || raw === undefined) {
      if (column !== undefined && !column.nullable) issue(name, 'must not be null')
      continue
    }
    const problem = column === undefined ? undefined : formatIssue(column, raw)
    if (problem !== undefined) issue(name, problem)
  }
  for (const [name, allowed] of Object.entries(ALLOWED_VALUES)) {
    if (value(name) !== '' && !allowed.includes(value(name) as string | null)) issue(name, `'${String(value(name))}' is not an allowed value (${allowed.filter(Boolean).join(', ')})`)
  }
  const category = value('ServiceCategory')
  const subcategories = SERVICE_SUBCATEGORIES[String(category)]
  if (category !== null && subcategories === undefined) issue('ServiceCategory', `'${String(category)}' is not an allowed value`)
  const subcategory = value('ServiceSubcategory')
  if (subcategories !== undefined && subcategory !== null && !subcategories.includes(String(subcategory))) {
    issue('ServiceSubcategory', `'${String(subcategory)}' is not a subcategory of '${String(category)}'`)
  }
  const currency = value('BillingCurrency')
  if (currency !== null && currency !== '' && !currencies.has(String(currency))) issue('BillingCurrency', `'${String(currency)}' is not an ISO 4217 currency code`)

  const usage = value('ChargeCategory') === 'Usage' && value('ChargeClass') === null
  if (usage) {
    for (const name of ['ListUnitPrice', 'PricingQuantity', 'PricingCategory', 'SkuId', 'SkuPriceId', 'ConsumedQuantity']) {
      if (value(name) === null && byName.get(name)?.nullable) issue(name, 'must not be null for a Usage charge that is not a correction')
    }
  }
  for (const [quantity, unit] of [['PricingQuantity', 'PricingUnit'], ['ConsumedQuantity', 'ConsumedUnit']] as const) {
    if ((value(quantity) === null) !== (value(unit) === null)) issue(unit, `must be null exactly when ${quantity} is null`)
  }
  const listUnitPrice = decimalOf(value('ListUnitPrice'))
  if (listUnitPrice !== undefined && listUnitPrice.value < 0n) issue('ListUnitPrice', 'must not be negative')

  const start = Date.parse(String(value('ChargePeriodStart')))
  const end = Date.parse(String(value('ChargePeriodEnd')))
  if (start >= end) issue('ChargePeriodEnd', 'must be after ChargePeriodStart')
  const billingStart = Date.parse(String(value('BillingPeriodStart')))
  const billingEnd = Date.parse(String(value('BillingPeriodEnd')))
  if (billingStart >= billingEnd) issue('BillingPeriodEnd', 'must be after BillingPeriodStart')
  if (start < billingStart || end > billingEnd) issue('ChargePeriodStart', 'charge period must lie inside the billing period')

  if (value('ChargeClass') !== 'Correction') {
    const quantity = decimalOf(value('PricingQuantity'))
    for (const [cost, price] of [['ListCost', 'ListUnitPrice'], ['ContractedCost', 'ContractedUnitPrice']] as const) {
      const unitPrice = decimalOf(value(price))
      const amount = decimalOf(value(cost))
      if (quantity === undefined || unitPrice === undefined || amount === undefined) continue
      if (compareDecimals(multiplyDecimals(unitPrice, quantity), amount) !== 0) {
        issue(cost, `${String(value(cost))} ≠ ${price} ${String(value(price))} × PricingQuantity ${String(value('PricingQuantity'))}`)
      }
    }
  }
}
