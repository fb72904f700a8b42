export { fakeProvider } from './fake-provider/fake-provider.js'
export type {
  CutStreamOptions,
  FailNextOptions,
  FakeProvider,
  FakeProviderOptions,
  RecordedRequest,
} from './fake-provider/fake-provider.js'
export { fakeReplyWords, fakeTokenCount } from './fake-provider/fake-tokens.js'
export type { UsageOverrides } from './fake-provider/fake-usage.js'
