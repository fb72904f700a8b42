import type { Attribution } from '../attribution/attribution.js'
import type { CallRequest, OperationName, RequestParameters } from '../call/call-request.js'
import { numberField, stringField } from './json-fields.js'
import type { ProviderEndpoint } from './provider-endpoint.js'

/** What an adapter reads from one call's parameters; the client adds provider, server and attribution. */
export type ProviderRequest = Omit<CallRequest, 'provider' | 'server' | 'clientAttribution'>

/**
 * Which body field holds each `gen_ai.request.*` parameter an operation has, e.g.
 * `{ topP: 'top_p', stopSequences: 'stop' }`. A module constant per operation: read at load time.
 */
export type ParameterFields = Readonly<Partial<Record<keyof RequestParameters, string>>>

const listParameters: ReadonlySet<keyof RequestParameters> = new Set(['stopSequences', 'encodingFormats'])

/**
 * The request fields every provider's body spells alike: `model` (`'unknown'` when absent),
 * `stream: true` and `service_tier`; the operation, the input estimate and the output-token limit
 * (`maxOutputTokens`, taken when it is a number) that the adapter read from its own fields; and
 * the parameters named by `parameterFields` (numbers, or for the list parameters a string or an
 * array of strings), left out when none is set.
 *
 * The object has every field of a {@link CallRequest} from the start (`undefined` until the
 * adapter or {@link completeRequest} sets it), in one order: every call's request has the same
 * shape, so it is allocated once and the engine's reads of it stay monomorphic.
 */
export function readRequestBasics(
  body: Record<string, unknown>,
  operation: OperationName,
  estimatedInputTokens: number,
  maxOutputTokens: unknown,
  parameterFields: ParameterFields = {},
): ProviderRequest {
  // Typed so that a field added to CallRequest and not listed here fails to compile.
  const request: EveryField<CallRequest> = {
    provider: undefined,
    operation,
    model: stringField(body.model) ?? 'unknown',
    stream: body.stream === true,
    maxOutputTokens: numberField(maxOutputTokens),
    estimatedInputTokens,
    countInputTokens: undefined,
    serviceTier: stringField(body.service_tier),
    server: undefined,
    parameters: readParameters(body, parameterFields),
    outputType: undefined,
    providerAttributes: undefined,
    clientAttribution: undefined,
    content: undefined,
    apiMethod: undefined,
    params: undefined,
    requestOptions: undefined,
  }
  return request as ProviderRequest
}

/** Every field of `T`, each present (possibly `undefined`). */
type EveryField<T> = { [K in keyof Required<T>]: T[K] | undefined }

/** The parameters named by `parameterFields` that `body` sets, or `undefined` when it sets none. */
function readParameters(body: Record<string, unknown>, parameterFields: ParameterFields): RequestParameters | undefined {
  let parameters: Record<string, number | string[]> | undefined
  for (const key in parameterFields) {
    const raw = body[parameterFields[key as keyof RequestParameters]!]
    const value = listParameters.has(key as keyof RequestParameters) ? stringList(raw) : numberField(raw)
    if (value !== undefined) (parameters ??= {})[key] = value
  }
  return parameters as RequestParameters | undefined
}

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value]
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined
}

/**
 * Completes a request as read into the {@link CallRequest} the call path takes, in place (no copy
 * per call): the client's provider and server, and its default attribution when it has one.
 */
export function completeRequest(read: ProviderRequest, endpoint: ProviderEndpoint, attribution: Attribution | undefined): CallRequest {
  const request = read as CallRequest
  request.provider = endpoint.provider
  if (endpoint.server !== undefined) request.server = endpoint.server
  if (attribution !== undefined) request.clientAttribution = attribution
  return request
}
