import { randomBytes } from 'node:crypto'
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** Permissions of a keys file created by the CLI: read and write for its owner only. */
export const NEW_KEYS_FILE_MODE = 0o600

/**
 * Replaces the file at `path` with `text` atomically: the text goes to a temporary file in the same
 * directory, is flushed to disk, and is renamed over `path`, so a reader (a gateway reloading the
 * file) sees the old or the new file, never a part. An existing file keeps its permissions; a new
 * one gets {@link NEW_KEYS_FILE_MODE}. System errors (`EACCES`, `ENOENT` for a missing directory)
 * are thrown as they are, after the temporary file is removed.
 */
export function replaceFile(path: string, text: string): void {
  let mode = NEW_KEYS_FILE_MODE
  try {
    mode = statSync(path).mode & 0o777
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const descriptor = openSync(temporary, 'wx', mode)
    try {
      // The umask may have cleared bits of `mode`.
      fchmodSync(descriptor, mode)
      writeFileSync(descriptor, text)
      fsyncSync(descriptor)
    } finally {
      closeSync(descriptor)
    }
    renameSync(temporary, path)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
}
