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
export type { FakeUpload } from './fake-provider/multipart-body.js'
export type { OrganizationUsageReport, OrganizationUsageRow } from './fake-provider/organization-usage.js'
export { captureTelemetry } from './telemetry/capture-telemetry.js'
export type { CaptureTelemetryOptions, TelemetryCapture } from './telemetry/capture-telemetry.js'
export { expectAllCallsAttributed } from './telemetry/expect-all-calls-attributed.js'
export type { ExpectAllCallsAttributedOptions, SpansToCheck } from './telemetry/expect-all-calls-attributed.js'
export { bypassedCalls } from './telemetry/bypassed-calls.js'
export { genAiSpans, isGenAiSpan } from './telemetry/gen-ai-spans.js'
export type { SpanLike } from './telemetry/gen-ai-spans.js'
