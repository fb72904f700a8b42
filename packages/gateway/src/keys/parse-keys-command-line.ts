import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from './keys-command-errors.js'

type Options = NonNullable<ParseArgsConfig['options']>

/** `node:util` `parseArgs` in strict mode without positionals; its errors become {@link UsageError}s. */
export function parseKeysCommandLine<T extends Options>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: false, strict: true })
  } catch (error) {
    // The message of an unexpected argument quotes it, and it may be a secret pasted in the wrong place.
    if ((error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError('unexpected argument: every value follows its option, e.g. --id vk_x')
    throw new UsageError((error as Error).message)
  }
}

/** The value of the required option `--name`, or a {@link UsageError}. */
export function requiredOption(name: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`)
  return value
}
