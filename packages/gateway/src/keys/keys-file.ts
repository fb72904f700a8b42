import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { ConfigError } from '@finops-ai/core'
import { parseDocument, type Document } from 'yaml'
import { systemErrorReason } from './system-error-reason.js'
import { validateKeysDocument } from './validate-keys-document.js'
import type { VirtualKeyEntry } from './virtual-key-entry.js'

/** How a keys file is written, from its extension: `.yaml`/`.yml` or `.json`. */
export type KeysFileFormat = 'yaml' | 'json'

/** The format of the keys file at `path`; any other extension is a {@link ConfigError}. */
export function keysFileFormat(path: string): KeysFileFormat {
  const extension = extname(path).toLowerCase()
  if (extension === '.yaml' || extension === '.yml') return 'yaml'
  if (extension === '.json') return 'json'
  throw new ConfigError({ path: '', detail: `keys file ${path} must end in .yaml, .yml or .json` })
}

/**
 * Parses YAML into a document that keeps comments and layout for edits. A syntax error is a
 * {@link ConfigError} naming the file, line and column; parser messages are cut to their first
 * line, as the rest quotes the file.
 */
export function parseYamlKeys(text: string, name: string): Document {
  const document = parseDocument(text)
  const [error] = document.errors
  if (error !== undefined) {
    const message = error.message.split('\n')[0]!.replace(/:$/, '')
    throw new ConfigError({ path: '', detail: `${name} is not valid YAML: ${message}` })
  }
  return document
}

/** Parses a keys file's text; a syntax error is a {@link ConfigError} that never quotes the text. */
export function parseKeysText(text: string, format: KeysFileFormat, name: string): unknown {
  if (format === 'yaml') return parseYamlKeys(text, name).toJS()
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    // V8 quotes the text around the error (`Unexpected token 'f', ..."s": [fo-abc"... is not valid JSON`): cut it off.
    const message = (error as Error).message
    const position = /at position (\d+)/.exec(message)?.[1]
    const before = position === undefined ? undefined : text.slice(0, Number(position)).split('\n')
    const where = before === undefined ? '' : ` at line ${before.length}, column ${before.at(-1)!.length + 1}`
    const reason = message.replace(/, (?:\.\.\.)?".*$/s, '').replace(/ in JSON at position \d+.*$/s, '')
    throw new ConfigError({ path: '', detail: `${name} is not valid JSON: ${reason}${where}` })
  }
}

/** The text of the keys file at `path`; an unreadable file is a {@link ConfigError} naming it. */
export function readKeysText(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new ConfigError({ path: '', detail: `cannot read keys file ${path}: ${systemErrorReason(error)}` }, { cause: error })
  }
}

/** Parses and validates `text`, read from the keys file at `path`: its entries, or a {@link ConfigError}. */
export function keysFromText(text: string, path: string): VirtualKeyEntry[] {
  return validateKeysDocument(parseKeysText(text, keysFileFormat(path), path))
}

/** Reads, parses and validates the keys file at `path`: its entries, or a {@link ConfigError}. */
export function readKeysFile(path: string): VirtualKeyEntry[] {
  keysFileFormat(path) // an unknown extension is reported before the file is read
  return keysFromText(readKeysText(path), path)
}

/** ISO 8601 text of `date`; an invalid date stays recognisably invalid for validation to report. */
const isoDate = (date: Date): string => (Number.isNaN(date.getTime()) ? 'Invalid Date' : date.toISOString())

/** `entry` as a keys file spells it (`user_header`, ISO 8601 dates); optional fields only when set. */
export function entryToDocument(entry: VirtualKeyEntry): Record<string, unknown> {
  return {
    id: entry.id,
    hash: entry.hash,
    attribution: { ...entry.attribution },
    ...(entry.userHeader === undefined ? {} : { user_header: entry.userHeader }),
    ...(entry.providers === undefined ? {} : { providers: [...entry.providers] }),
    ...(entry.models === undefined ? {} : { models: [...entry.models] }),
    created: isoDate(entry.created),
    ...(entry.expires === undefined ? {} : { expires: isoDate(entry.expires) }),
    ...(entry.revoked === true ? { revoked: true } : {}),
  }
}
