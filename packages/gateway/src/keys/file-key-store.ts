import { watch as watchDirectory, type FSWatcher } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { diag } from '@opentelemetry/api'
import { keysFromText, readKeysText } from './keys-file.js'
import { keyIndex, type KeyIndex } from './key-index.js'
import type { VirtualKeyStore } from './virtual-key.js'

/** Milliseconds of quiet after a change before the file is read: an editor's save is several events. */
const RELOAD_DEBOUNCE_MS = 50

/** What {@link FileKeyStoreOptions.onReload} receives. */
export interface KeysReloadEvent {
  /** The keys file, as given to {@link fileKeyStore}. */
  path: string
  /** Keys in the new file that are not revoked. */
  keys: number
}

/** Options of {@link fileKeyStore}. */
export interface FileKeyStoreOptions {
  /** Reload the file when it changes, without a restart. Default `true`. */
  watch?: boolean
  /** Called after changed keys were swapped in. Default: nothing. */
  onReload?: (event: KeysReloadEvent) => void
  /**
   * Called when a reload fails (an unreadable or invalid file, a `ConfigError` with the path of
   * each problem) or the watch fails; the keys loaded before stay in use. Default: `diag.error`.
   */
  onError?: (error: Error) => void
}

/** A {@link VirtualKeyStore} backed by a keys file. */
export interface FileKeyStore extends VirtualKeyStore {
  /** Reads the file now (e.g. on `SIGHUP`), with the same checks and reports as a watched change. */
  reload(): void
  /** Stops watching the file. */
  close(): void
}

/** True for a change to the file itself, or to a Kubernetes volume's `..data` link that the file points through. */
function concernsFile(filename: string | null, name: string): boolean {
  return filename === null || filename === name || filename.startsWith('..')
}

/**
 * Virtual keys from a YAML (`.yaml`, `.yml`) or JSON (`.json`) keys file, as written by
 * `finops-ai-gateway keys create`:
 *
 * ```yaml
 * keys:
 *   - id: vk_support_rag
 *     hash: sha256:3f1c…            # SHA-256 of the secret; the secret itself is never stored
 *     attribution: { team: support, feature: support-rag, costCenter: CC-4711 }
 *     user_header: x-user           # optional: this header's value becomes attribution.user
 *     providers: [openai]           # optional: all when absent
 *     models: [gpt-4o-mini]         # optional: all when absent
 *     created: 2026-12-03T07:00:00.000Z
 *     expires: 2027-06-30T00:00:00Z # optional
 *     revoked: true                 # optional
 * ```
 *
 * The file is read and validated now: an invalid one throws a `ConfigError` naming each problem's
 * path (`keys[2].attribution.team`). With `watch` (the default) the file's directory is watched;
 * each change is read after 50 ms of quiet, validated, and swapped in at once. An unreadable or
 * invalid new file keeps the keys in use and goes to `onError`, never a throw. Where file events
 * do not arrive (some network and container file systems), call `reload()`, e.g. on `SIGHUP`.
 */
export function fileKeyStore(path: string, options: FileKeyStoreOptions = {}): FileKeyStore {
  const { watch = true, onReload, onError = (error: Error) => diag.error(`finops-ai gateway: keys file ${path} not reloaded; the keys loaded before stay in use: ${error.message}`) } = options
  let readText = readKeysText(path)
  let index: KeyIndex = keyIndex(keysFromText(readText, path))
  let timer: NodeJS.Timeout | undefined
  let watcher: FSWatcher | undefined

  const report = (error: unknown) => {
    try {
      onError(error instanceof Error ? error : new Error(String(error)))
    } catch (callbackError) {
      diag.error('finops-ai gateway: keys onError callback threw', callbackError)
    }
  }

  const reload = () => {
    let next: KeyIndex
    try {
      const text = readKeysText(path)
      // Unchanged since the last read, valid or not: nothing to swap in and nothing new to report.
      if (text === readText) return
      readText = text
      next = keyIndex(keysFromText(text, path))
    } catch (error) {
      report(error)
      return
    }
    index = next
    try {
      onReload?.({ path, keys: next.size })
    } catch (callbackError) {
      diag.error('finops-ai gateway: keys onReload callback threw', callbackError)
    }
  }

  if (watch) {
    const name = basename(path)
    try {
      watcher = watchDirectory(dirname(resolve(path)), { persistent: false }, (_event, filename) => {
        if (!concernsFile(filename, name)) return
        clearTimeout(timer)
        timer = setTimeout(reload, RELOAD_DEBOUNCE_MS).unref()
      })
      watcher.on('error', report)
    } catch (error) {
      report(error)
    }
  }

  return {
    lookup: (secret) => index.lookup(secret),
    reload,
    close() {
      clearTimeout(timer)
      watcher?.close()
      watcher = undefined
    },
  }
}
