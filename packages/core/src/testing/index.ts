export { runStoreConformance } from './store-conformance.js'
export type { ConformanceRunner, StoreConformanceOptions } from './store-conformance.js'
