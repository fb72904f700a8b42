import { FOCUS_COLUMNS, FOCUS_VERSION } from './focus-columns.js'

/** A FOCUS schema metadata document (`SchemaId`, `FocusVersion`, `ColumnDefinition`, …). */
export interface FocusMetadata {
  SchemaId: string
  FocusVersion: string
  CreationDate: string
  DataGenerator: { DataGenerator: string }
  ColumnDefinition: Record<string, string | number | readonly string[]>[]
}

/** Options of {@link focusMetadata}. */
export interface FocusMetadataOptions {
  /** Default: the package's schema id `finops-ai-focus-1.3-v1` (changes when the columns change). */
  schemaId?: string
  /** Default: now. */
  creationDate?: Date
}

/**
 * The FOCUS metadata document describing the CSV this package writes: the schema id, FOCUS
 * version 1.3, the data generator (`finops-ai`), and every column with its data type (decimals
 * as exact decimal strings of up to 15 fraction digits; strings UTF-8).
 */
export function focusMetadata(options: FocusMetadataOptions = {}): FocusMetadata {
  return {
    SchemaId: options.schemaId ?? 'finops-ai-focus-1.3-v1',
    FocusVersion: FOCUS_VERSION,
    CreationDate: (options.creationDate ?? new Date()).toISOString(),
    DataGenerator: { DataGenerator: 'finops-ai' },
    ColumnDefinition: FOCUS_COLUMNS.map((column) => {
      const definition: Record<string, string | number | readonly string[]> = { ColumnName: column.name, DataType: column.dataType }
      if (column.dataType === 'DECIMAL') Object.assign(definition, { NumericPrecision: 38, NumberScale: 15 })
      if (column.dataType === 'STRING') definition.StringEncoding = 'UTF-8'
      if (column.name === 'Tags') definition.ProviderTagPrefixes = []
      return definition
    }),
  }
}
