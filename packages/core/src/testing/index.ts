export { runStoreConformance } from './store-conformance.js'
export type { ConformanceRunner, StoreConformanceOptions } from './store-conformance.js'
export { RecordingCallPath } from './recording-call-path.js'
export type { RecordedCall, RecordingCallPathOptions } from './recording-call-path.js'
