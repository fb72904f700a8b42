/** What a request reader learns from one call's parameters (the client adds provider, server, attribution). */
export type { ProviderRequest as OperationRequest } from '@finops-ai/core'

/** A call's parameters as the readers see them: any JSON object. */
export type RequestBody = Record<string, unknown>

// The JSON field readers moved to core; re-exported for this package's readers.
export { numberField, objectField, stringField } from '@finops-ai/core'
