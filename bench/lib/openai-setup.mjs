import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/**
 * Loads the bench's `openai` (CommonJS, the module `@opentelemetry/instrumentation-openai` hooks)
 * with that instrumentation registered first, then switched off: `instrumentation.enable()`
 * patches `Completions.prototype.create` of this very module, `disable()` restores it, so the
 * instrumented variant can be interleaved with the others in one process. Clients wrapped by
 * `withFinOps` are created while it is off: they capture the SDK's own `create`.
 */
export function loadInstrumentedOpenAI({ tracerProvider, meterProvider }) {
  const { OpenAIInstrumentation } = require('@opentelemetry/instrumentation-openai')
  const instrumentation = new OpenAIInstrumentation()
  instrumentation.setTracerProvider(tracerProvider)
  instrumentation.setMeterProvider(meterProvider)
  instrumentation.enable()
  const openaiModule = require('openai')
  const version = packageVersion('openai')
  const OpenAI = openaiModule.OpenAI ?? openaiModule.default
  const patched = typeof OpenAI.Chat.Completions.prototype.create.__wrapped === 'boolean' || OpenAI.Chat.Completions.prototype.create.__original !== undefined
  instrumentation.disable()
  if (!patched) throw new Error(`@opentelemetry/instrumentation-openai did not patch openai ${version} (outside its supported range?)`)
  return { OpenAI, version, instrumentation }
}

/**
 * The `openai` 7 of this bench (dependency alias `openai-latest`), loaded as CommonJS like the 6.x
 * of {@link loadInstrumentedOpenAI}. No instrumentation: `@opentelemetry/instrumentation-openai`
 * supports `openai` < 7 only.
 */
export function loadLatestOpenAI() {
  const openaiModule = require('openai-latest')
  return { OpenAI: openaiModule.OpenAI ?? openaiModule.default, version: packageVersion('openai-latest', 'openai') }
}

/**
 * The version in the package.json of the package this bench resolves as `specifier` (its
 * `exports` may hide package.json); `name` is the package's own name when `specifier` is an alias.
 */
export function packageVersion(specifier, name = specifier) {
  let directory = dirname(require.resolve(specifier))
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'))
      if (manifest.name === name) return manifest.version
    } catch {}
    const parent = dirname(directory)
    if (parent === directory) throw new Error(`no package.json of ${name}`)
    directory = parent
  }
}
