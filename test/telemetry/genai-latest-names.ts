// Names of the GenAI semantic conventions' latest experimental snapshot (the
// `OTEL_SEMCONV_STABILITY_OPT_IN=gen_ai_latest_experimental` mode), vendored because
// `@opentelemetry/semantic-conventions` stops at the v1.41 GenAI names (its GenAI exports are
// deprecated: "moved to the semantic-conventions-genai repository").
//
// Source: github.com/open-telemetry/semantic-conventions-genai, read 2026-12-03:
// - commit 88eccb15: model/gen-ai/metrics.yaml (gen_ai.client.inference.duration,
//   gen_ai.client.embeddings.duration, gen_ai.client.inference.time_to_first_chunk; the note that
//   gen_ai.client.operation.duration is not for inference or embeddings operations),
//   docs/gen-ai/client-embeddings.md (gen_ai.client.embeddings.operation.input_tokens),
//   docs/gen-ai/gen-ai-exceptions.md (event gen_ai.client.operation.exception);
// - commit 066d4a7f: model/gen-ai/token-metrics.yaml (gen_ai.client.inference.usage.* counters,
//   gen_ai.client.inference.operation.* histograms, gen_ai.token.modality);
// - model/gen-ai/registry.yaml and docs/gen-ai/openai.md: the attributes below
//   (gen_ai.usage.cache_write.input_tokens is the rename of cache_creation, PR #440).
// Proposed, not merged: gen_ai.usage.cost.* (PR #443), listed apart.

/** Span and metric attribute names of the snapshot. */
export const LATEST_ATTRIBUTES: ReadonlySet<string> = new Set([
  'gen_ai.operation.name',
  'gen_ai.provider.name',
  'gen_ai.conversation.id',
  'gen_ai.request.model',
  'gen_ai.request.max_tokens',
  'gen_ai.request.choice.count',
  'gen_ai.request.temperature',
  'gen_ai.request.top_p',
  'gen_ai.request.top_k',
  'gen_ai.request.stop_sequences',
  'gen_ai.request.frequency_penalty',
  'gen_ai.request.presence_penalty',
  'gen_ai.request.encoding_formats',
  'gen_ai.request.seed',
  'gen_ai.request.stream',
  'gen_ai.embeddings.dimension.count',
  'gen_ai.output.type',
  'gen_ai.response.id',
  'gen_ai.response.model',
  'gen_ai.response.finish_reasons',
  'gen_ai.response.time_to_first_chunk',
  'gen_ai.input.messages',
  'gen_ai.output.messages',
  'gen_ai.system_instructions',
  'gen_ai.tool.definitions',
  'gen_ai.usage.input_tokens',
  'gen_ai.usage.output_tokens',
  'gen_ai.usage.cache_read.input_tokens',
  'gen_ai.usage.cache_write.input_tokens',
  'gen_ai.usage.reasoning.output_tokens',
  'gen_ai.token.type',
  'gen_ai.token.modality',
  'openai.api.type',
  'openai.request.service_tier',
  'openai.response.service_tier',
  'openai.response.system_fingerprint',
])

/** Metric names of the snapshot (client side). */
export const LATEST_METRICS: ReadonlySet<string> = new Set([
  'gen_ai.client.operation.duration',
  'gen_ai.client.inference.duration',
  'gen_ai.client.inference.time_to_first_chunk',
  'gen_ai.client.inference.time_per_output_chunk',
  'gen_ai.client.inference.usage.input_tokens',
  'gen_ai.client.inference.usage.output_tokens',
  'gen_ai.client.inference.usage.cache_read.input_tokens',
  'gen_ai.client.inference.usage.cache_write.input_tokens',
  'gen_ai.client.inference.usage.reasoning.output_tokens',
  'gen_ai.client.inference.operation.input_tokens',
  'gen_ai.client.inference.operation.output_tokens',
  'gen_ai.client.embeddings.duration',
  'gen_ai.client.embeddings.operation.input_tokens',
])

/** Event names of the snapshot. */
export const LATEST_EVENTS: ReadonlySet<string> = new Set(['gen_ai.client.operation.exception', 'gen_ai.client.inference.operation.details'])

/** Proposed upstream, not merged (semantic-conventions-genai PR #443): emitted in latest mode only, documented as such. */
export const PROPOSED_ATTRIBUTES: ReadonlySet<string> = new Set(['gen_ai.usage.cost.amount', 'gen_ai.usage.cost.currency', 'gen_ai.usage.cost.source'])
