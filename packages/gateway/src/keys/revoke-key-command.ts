import { closestName } from '@finops-ai/core'
import { editKeysFile } from './edit-keys-file.js'
import { UsageError, usingKeysFile } from './keys-command-errors.js'
import type { KeysCommandIo } from './keys-command-io.js'
import { parseKeysCommandLine, requiredOption } from './parse-keys-command-line.js'
import { SECRET_PREFIX } from './secret-hash.js'

function unknownId(id: string, ids: readonly string[], file: string): UsageError {
  // A secret given as the id must not be echoed into a terminal log.
  if (id.startsWith(SECRET_PREFIX)) return new UsageError(`--id takes the key's id (see keys list), not its secret`)
  const suggestion = closestName(id, ids)
  return new UsageError(`no key with id '${id}' in ${file}${suggestion === undefined ? '' : ` (did you mean '${suggestion}'?)`}`)
}

/** `keys revoke`: marks the key `--id` of `--file` revoked; a running gateway refuses it once it has reloaded the file. */
export function revokeKeyCommand(args: readonly string[], io: KeysCommandIo): number {
  const { values } = parseKeysCommandLine(args, { file: { type: 'string' }, id: { type: 'string' } })
  const file = requiredOption('file', values.file)
  const id = requiredOption('id', values.id)
  const alreadyRevoked = usingKeysFile(file, () =>
    editKeysFile(file, (keys) => {
      const index = keys.entries.findIndex((entry) => entry.id === id)
      if (index === -1) throw unknownId(id, keys.entries.map((entry) => entry.id), file)
      if (keys.entries[index]!.revoked === true) return true
      keys.revoke(index)
      return false
    }),
  )
  io.stdout(alreadyRevoked ? `${id} was already revoked in ${file}\n` : `Revoked ${id} in ${file}; a running gateway refuses it once it has reloaded the file.\n`)
  return 0
}
