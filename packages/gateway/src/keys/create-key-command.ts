import { ConfigError } from '@finops-ai/core'
import { createVirtualKey } from './create-virtual-key.js'
import { editKeysFile } from './edit-keys-file.js'
import { UsageError, usingKeysFile } from './keys-command-errors.js'
import type { KeysCommandIo } from './keys-command-io.js'
import { parseKeysCommandLine, requiredOption } from './parse-keys-command-line.js'
import type { VirtualKeyProvider } from './virtual-key.js'

const options = {
  file: { type: 'string' },
  id: { type: 'string' },
  team: { type: 'string' },
  feature: { type: 'string' },
  'cost-center': { type: 'string' },
  user: { type: 'string' },
  attribution: { type: 'string', multiple: true },
  'user-header': { type: 'string' },
  provider: { type: 'string', multiple: true },
  model: { type: 'string', multiple: true },
  expires: { type: 'string' },
} as const

/** Which option sets each attribution key, for messages. */
const attributionOptions: Record<string, string> = { team: '--team', feature: '--feature', costCenter: '--cost-center', user: '--user' }

function readAttribution(values: { team?: string; feature?: string; 'cost-center'?: string; user?: string; attribution?: string[] }): Record<string, string> {
  // No prototype: `--attribution __proto__=x` becomes a key that validation names, not a silent no-op.
  const attribution = Object.create(null) as Record<string, string>
  const named = { team: values.team, feature: values.feature, costCenter: values['cost-center'], user: values.user }
  for (const [key, value] of Object.entries(named)) if (value !== undefined) attribution[key] = value
  for (const pair of values.attribution ?? []) {
    const separator = pair.indexOf('=')
    if (separator <= 0) throw new UsageError(`--attribution expects key=value, e.g. --attribution project=atlas`)
    const key = pair.slice(0, separator)
    if (Object.hasOwn(attribution, key)) throw new UsageError(`attribution key '${key}' is given twice${attributionOptions[key] ? ` (also by ${attributionOptions[key]})` : ''}`)
    attribution[key] = pair.slice(separator + 1)
  }
  if (Object.keys(attribution).length === 0) throw new UsageError('give the key an attribution: at least one of --team, --feature, --cost-center, --user, --attribution')
  return attribution
}

function readExpiry(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined
  const date = new Date(value)
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) throw new UsageError(`--expires expects an ISO 8601 date such as 2027-01-31 or 2027-01-31T12:00:00Z`)
  return date
}

/**
 * `keys create`: issues a key, appends its entry (hash only) to `--file` (creating the file with
 * mode 0600), and prints the secret once: alone on stdout, so `SECRET=$(… keys create …)` captures
 * it, with the notice that it cannot be shown again on stderr.
 */
export function createKeyCommand(args: readonly string[], io: KeysCommandIo): number {
  const { values } = parseKeysCommandLine(args, options)
  const file = requiredOption('file', values.file)
  const id = requiredOption('id', values.id)
  let created: ReturnType<typeof createVirtualKey>
  try {
    created = createVirtualKey({
      id,
      attribution: readAttribution(values),
      ...(values['user-header'] === undefined ? {} : { userHeader: values['user-header'] }),
      ...(values.provider === undefined ? {} : { providers: values.provider as VirtualKeyProvider[] }),
      ...(values.model === undefined ? {} : { models: values.model }),
      ...(values.expires === undefined ? {} : { expires: readExpiry(values.expires) }),
    })
  } catch (error) {
    if (!ConfigError.isInstance(error)) throw error
    throw new UsageError(error.issues.map((issue) => `${issue.path}: ${issue.detail}`).join('; '))
  }
  const { secret, entry } = created
  usingKeysFile(file, () =>
    editKeysFile(
      file,
      (keys) => {
        if (keys.entries.some((existing) => existing.id === entry.id)) throw new UsageError(`a key with id '${entry.id}' already exists in ${file}; choose another id`)
        keys.append(entry)
      },
      { create: true },
    ),
  )
  io.stderr(`Created virtual key ${entry.id} in ${file}. Its secret follows on stdout; it cannot be shown again: store it now.\n`)
  io.stdout(`${secret}\n`)
  return 0
}
