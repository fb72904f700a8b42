import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from './cli-io.js'

type Options = NonNullable<ParseArgsConfig['options']>

/** `node:util` `parseArgs` in strict mode, its errors turned into {@link UsageError}s. */
export function parseCommandLine<T extends Options>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

/** An ISO 8601 date option, or `undefined` when not given; anything else is a {@link UsageError}. */
export function dateOption(name: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) throw new UsageError(`--${name} expects an ISO 8601 date such as 2026-11-01 or 2026-11-01T12:00:00Z, got '${value}'`)
  return date
}

/** A positive number option, or `undefined` when not given. */
export function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isFinite(number) || number <= 0) throw new UsageError(`--${name} expects a positive number, got '${value}'`)
  return number
}
