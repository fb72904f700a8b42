/** FOCUS column data types as named in the FOCUS metadata `ColumnDefinition.DataType`. */
export type FocusDataType = 'STRING' | 'DECIMAL' | 'INTEGER' | 'DATETIME' | 'JSON' | 'BOOLEAN'

/** One column this package writes: its FOCUS data type and whether the value may be null. */
export interface FocusColumn {
  readonly name: string
  readonly dataType: FocusDataType
  readonly nullable: boolean
}

/** FOCUS version of the rows, CSV and metadata this package writes. */
export const FOCUS_VERSION = '1.3'

const column = (name: string, dataType: FocusDataType, nullable = false): FocusColumn => ({ name, dataType, nullable })

/**
 * Every column of a row from `toFocusRows`, in CSV order: the FOCUS 1.3 cost-and-usage columns
 * that apply to metered LLM usage (commitment-discount, capacity-reservation and allocation
 * columns are conditional and do not apply), then the `x_` columns of this package.
 * `ProviderName` and `PublisherName` (deprecated by `ServiceProviderName`/`HostProviderName` in
 * 1.3) are still written for 1.2 consumers.
 */
export const FOCUS_COLUMNS: readonly FocusColumn[] = Object.freeze([
  column('BilledCost', 'DECIMAL'),
  column('BillingAccountId', 'STRING'),
  column('BillingAccountName', 'STRING', true),
  column('BillingCurrency', 'STRING'),
  column('BillingPeriodEnd', 'DATETIME'),
  column('BillingPeriodStart', 'DATETIME'),
  column('ChargeCategory', 'STRING'),
  column('ChargeClass', 'STRING', true),
  column('ChargeDescription', 'STRING', true),
  column('ChargeFrequency', 'STRING'),
  column('ChargePeriodEnd', 'DATETIME'),
  column('ChargePeriodStart', 'DATETIME'),
  column('ConsumedQuantity', 'DECIMAL', true),
  column('ConsumedUnit', 'STRING', true),
  column('ContractedCost', 'DECIMAL'),
  column('ContractedUnitPrice', 'DECIMAL', true),
  column('EffectiveCost', 'DECIMAL'),
  column('HostProviderName', 'STRING'),
  column('InvoiceId', 'STRING', true),
  column('InvoiceIssuerName', 'STRING'),
  column('ListCost', 'DECIMAL'),
  column('ListUnitPrice', 'DECIMAL', true),
  column('PricingCategory', 'STRING', true),
  column('PricingQuantity', 'DECIMAL', true),
  column('PricingUnit', 'STRING', true),
  column('ProviderName', 'STRING'),
  column('PublisherName', 'STRING'),
  column('RegionId', 'STRING', true),
  column('RegionName', 'STRING', true),
  column('ResourceId', 'STRING', true),
  column('ResourceName', 'STRING', true),
  column('ResourceType', 'STRING', true),
  column('ServiceCategory', 'STRING'),
  column('ServiceName', 'STRING'),
  column('ServiceProviderName', 'STRING'),
  column('ServiceSubcategory', 'STRING'),
  column('SkuId', 'STRING', true),
  column('SkuMeter', 'STRING', true),
  column('SkuPriceDetails', 'JSON', true),
  column('SkuPriceId', 'STRING', true),
  column('SubAccountId', 'STRING', true),
  column('SubAccountName', 'STRING', true),
  column('Tags', 'JSON', true),
  column('x_Provider', 'STRING'),
  column('x_Model', 'STRING'),
  column('x_Meter', 'STRING'),
  column('x_ServiceTier', 'STRING', true),
  column('x_PriceSource', 'STRING'),
  column('x_Unallocated', 'BOOLEAN'),
  column('x_CallCount', 'INTEGER'),
  column('x_EstimatedCallCount', 'INTEGER'),
  column('x_FailedCallCount', 'INTEGER'),
  column('x_ReasoningTokens', 'INTEGER', true),
  column('x_AudioTokens', 'INTEGER', true),
])

/** The names of {@link FOCUS_COLUMNS}, in order. */
export const FOCUS_COLUMN_NAMES: readonly string[] = Object.freeze(FOCUS_COLUMNS.map((entry) => entry.name))

/**
 * One FOCUS row. Decimals are strings (exact, e.g. `'0.0000025'`), dates are
 * `YYYY-MM-DDTHH:mm:ssZ`, `Tags` and `SkuPriceDetails` are serialized JSON objects, and a missing
 * value is `null` — never `''`.
 */
export type FocusRow = Record<string, string | number | boolean | null>
