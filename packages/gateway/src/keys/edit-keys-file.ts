import { existsSync } from 'node:fs'
import { Document, isSeq } from 'yaml'
import { entryToDocument, keysFileFormat, parseKeysText, parseYamlKeys, readKeysText } from './keys-file.js'
import { replaceFile } from './replace-file.js'
import { validateKeysDocument } from './validate-keys-document.js'
import type { VirtualKeyEntry } from './virtual-key-entry.js'

/** Comment on top of a YAML keys file the CLI creates. */
const NEW_FILE_COMMENT = ` finops-ai gateway virtual keys: SHA-256 hashes only, no secret can be read back from this file.
 Manage with finops-ai-gateway keys create|list|revoke; a running gateway reloads it on change.`

/** The edits {@link editKeysFile} offers; everything else in the file (YAML comments included) stays as it is. */
export interface KeysFileEditor {
  /** The file's valid entries before the edit, in file order (none for a new file). */
  readonly entries: readonly VirtualKeyEntry[]
  /** Adds `entry` at the end. */
  append(entry: VirtualKeyEntry): void
  /** Marks `entries[index]` revoked. */
  revoke(index: number): void
}

interface OpenedKeysFile extends KeysFileEditor {
  text(): string
}

function openYaml(text: string | undefined, path: string): OpenedKeysFile {
  const document = text === undefined ? new Document({ keys: [] }) : parseYamlKeys(text, path)
  if (text === undefined) document.commentBefore = NEW_FILE_COMMENT
  return {
    entries: validateKeysDocument(document.toJS()),
    append(entry) {
      document.addIn(['keys'], document.createNode(entryToDocument(entry)))
      // `keys: []` is a flow sequence: write the entries one block each.
      const keys = document.get('keys', true)
      if (isSeq(keys)) keys.flow = false
    },
    revoke: (index) => document.setIn(['keys', index, 'revoked'], true),
    text: () => document.toString(),
  }
}

function openJson(text: string | undefined, path: string): OpenedKeysFile {
  const document = text === undefined ? { keys: [] } : parseKeysText(text, 'json', path)
  const validated = validateKeysDocument(document)
  const keys = (document as { keys: Record<string, unknown>[] }).keys
  return {
    entries: validated,
    append: (entry) => void keys.push(entryToDocument(entry)),
    revoke: (index) => void (keys[index]!.revoked = true),
    text: () => `${JSON.stringify(document, null, 2)}\n`,
  }
}

/** Options of {@link editKeysFile}. */
export interface EditKeysFileOptions {
  /** Start from an empty file when none exists (else a missing file is a `ConfigError`). Default `false`. */
  create?: boolean
}

/**
 * Reads and validates the keys file at `path`, lets `edit` change it, checks the result and
 * replaces the file atomically (`replaceFile`: a new file is created with mode 0600). Nothing is
 * written when `edit` throws or changes nothing. Returns what `edit` returned. An unreadable or
 * invalid file, before or after the edit, is a `ConfigError`; a file that cannot be written
 * throws the system error.
 *
 * Two edits of one file at the same time can lose one of them: run one `keys` command at a time.
 */
export function editKeysFile<T>(path: string, edit: (file: KeysFileEditor) => T, options: EditKeysFileOptions = {}): T {
  const format = keysFileFormat(path)
  const text = options.create === true && !existsSync(path) ? undefined : readKeysText(path)
  const file = (format === 'yaml' ? openYaml : openJson)(text, path)
  const result = edit(file)
  const edited = file.text()
  if (edited !== text) {
    validateKeysDocument(parseKeysText(edited, format, path))
    replaceFile(path, edited)
  }
  return result
}
