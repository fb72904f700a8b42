import type { ConfigIssue } from '@finops-ai/core'

/**
 * Reads the fields of a parsed config document, collecting every problem with its path (e.g.
 * `upstreams.openai.api_key_env`) instead of stopping at the first.
 */
export class ConfigFields {
  readonly issues: ConfigIssue[] = []

  /** Records a problem at `path`. */
  fail(path: string, detail: string): undefined {
    this.issues.push({ path, detail })
    return undefined
  }

  /** A mapping with only `known` keys (each unknown key is an issue); absent → `undefined`. */
  object(value: unknown, path: string, known: readonly string[]): Record<string, unknown> | undefined {
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'object' || Array.isArray(value)) return this.fail(path, 'expected a mapping')
    for (const key of Object.keys(value)) if (!known.includes(key)) this.fail(join(path, key), `unknown field; expected one of ${known.join(', ')}`)
    return value as Record<string, unknown>
  }

  /** A non-empty string; absent → `undefined`. */
  string(value: unknown, path: string): string | undefined {
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'string' || value === '') return this.fail(path, 'expected a non-empty string')
    return value
  }

  /** An integer in `[min, max]`; absent → `undefined`. */
  integer(value: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) return this.fail(path, `expected an integer from ${min} to ${max}`)
    return value
  }

  /** An `http:`/`https:` URL; absent → `undefined`. */
  url(value: unknown, path: string, protocols: readonly string[]): string | undefined {
    const text = this.string(value, path)
    if (text === undefined) return undefined
    try {
      if (protocols.includes(new URL(text).protocol)) return text
    } catch {
      // reported below
    }
    return this.fail(path, `expected a URL starting with ${protocols.map((protocol) => `${protocol}//`).join(' or ')}`)
  }
}

/** `parent.key`, or `key` at the root. */
export const join = (parent: string, key: string) => (parent === '' ? key : `${parent}.${key}`)
