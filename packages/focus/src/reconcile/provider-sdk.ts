import { ConfigError } from '@finops-ai/core'
import type { ReadReportOptions, ReconcileProvider } from './provider-report.js'

const ADMIN_KEY_VARIABLES: Record<ReconcileProvider, string> = { openai: 'OPENAI_ADMIN_KEY', anthropic: 'ANTHROPIC_ADMIN_KEY' }
const PACKAGES: Record<ReconcileProvider, string> = { openai: 'openai', anthropic: '@anthropic-ai/sdk' }

/** The admin key from the options or the environment, or a {@link ConfigError} naming the variable to set. */
export function adminKeyOf(provider: ReconcileProvider, options: ReadReportOptions): string {
  const key = options.adminKey ?? process.env[ADMIN_KEY_VARIABLES[provider]]
  if (key === undefined || key === '') {
    throw new ConfigError({ path: 'adminKey', detail: `reading the ${provider} usage and cost reports needs an organisation admin key: set ${ADMIN_KEY_VARIABLES[provider]}` })
  }
  return key
}

/**
 * Imports a provider SDK only when a report is read, so the rest of `@finops-ai/focus` works without
 * it; a missing SDK is a {@link ConfigError} saying what to install.
 */
export async function importProviderSdk<T>(provider: ReconcileProvider, load: () => Promise<T>): Promise<T> {
  try {
    return await load()
  } catch (error) {
    throw new ConfigError({ path: 'provider', detail: `reconciling ${provider} needs the '${PACKAGES[provider]}' package: npm install ${PACKAGES[provider]}` }, { cause: error })
  }
}
