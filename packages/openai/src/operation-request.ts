import type { CallRequest } from '@finops-ai/core'

/** What a request reader learns from one call's parameters (the client adds provider, server, attribution). */
export type OperationRequest = Omit<CallRequest, 'provider' | 'server' | 'clientAttribution'>

/** A call's parameters as the readers see them: any JSON object. */
export type RequestBody = Record<string, unknown>

/** `value` when it is a finite number. */
export function numberField(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** `value` when it is a non-empty string. */
export function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** `value` when it is a (non-array) object. */
export function objectField(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}
