/** A provider the gateway serves; it decides the wire format of answers and errors. */
export type ProviderName = 'openai' | 'anthropic'
