import { captureTelemetry, fakeProvider, type FakeProvider, type TelemetryCapture } from '@finops-ai/testing'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { fakeProviderModels } from './fake-provider-models.js'

/** What {@link useFakeProviderRig} gives a test file. */
export interface FakeProviderRig {
  readonly telemetry: TelemetryCapture
  /** The fake provider (set before the first test). */
  readonly provider: FakeProvider
  /** AI SDK providers on it (set before the first test). */
  readonly models: ReturnType<typeof fakeProviderModels>
}

/**
 * For tests: registers the calling file's hooks — a fake provider and AI SDK models on it before
 * its tests, both it and a telemetry capture (not global) reset after each test, closed after all.
 */
export function useFakeProviderRig(): FakeProviderRig {
  const telemetry = captureTelemetry({ global: false })
  let provider: FakeProvider | undefined
  let models: ReturnType<typeof fakeProviderModels> | undefined
  beforeAll(async () => {
    provider = await fakeProvider()
    models = fakeProviderModels(provider)
  })
  afterEach(() => {
    provider?.reset()
    telemetry.reset()
  })
  afterAll(async () => {
    await provider?.close()
    await telemetry.shutdown()
  })
  return {
    telemetry,
    get provider() {
      if (provider === undefined) throw new Error('useFakeProviderRig: the provider starts in beforeAll')
      return provider
    },
    get models() {
      if (models === undefined) throw new Error('useFakeProviderRig: the models are built in beforeAll')
      return models
    },
  }
}
