/**
 * Which methods of the installed `openai` and `@anthropic-ai/sdk` clients are metered, free, or
 * deliberately not metered, and why. `sdk-surface.test.ts` walks the wrapped clients and fails
 * when a method is in none of these rows, and `docs/prices.md` (section "What is metered") holds
 * this table rendered by `renderCoverageTable`, so a new SDK release cannot add unmetered spend
 * silently and the docs cannot drift.
 *
 * `methods` is one of: an exact path (`images.generate`); a resource and everything under it
 * (`admin.*`); or method names on any resource (`*.list, *.retrieve`). The most specific row
 * wins: exact, then the longest resource, then the name.
 */
export interface CoverageRow {
  sdk: 'openai' | 'anthropic' | 'both'
  methods: string
  coverage: 'metered' | 'free' | 'not metered'
  /** Why: what is recorded, why it costs nothing, or why it is not metered. */
  reason: string
  /** For helpers that are metered because they call a wrapped method: that method's path. */
  through?: string
}

/** Method names that never start billable work on any resource of either SDK, by reason. */
const FREE_NAMES: Readonly<Record<string, readonly string[]>> = {
  'reads stored objects or settings': ['list', 'listEvents', 'listFiles', 'listItems', 'listRateLimits', 'retrieve', 'retrieveMetadata', 'getCharacter'],
  'downloads stored content': ['content', 'download', 'downloadContent', 'downloadRecording'],
  'changes or deletes stored objects, settings or metadata': ['update', 'archive', 'delete', 'remove'],
  'stops or waits for work another method started (that method is where its cost is)': ['cancel', 'poll', 'waitForProcessing'],
  'token counting is free': ['count', 'countTokens'],
  'checks a configuration, or verifies or parses a webhook locally': ['validate', 'validateArchive', 'validateRepository', 'verifySignature', 'unwrap', 'parseUnverified'],
}

/** The free method names as rows of both SDKs (`methods` lists them, comma-separated). */
export const FREE_NAME_COVERAGE: readonly CoverageRow[] = Object.entries(FREE_NAMES).map(([reason, names]) => ({
  sdk: 'both',
  methods: names.map((name) => `*.${name}`).join(', '),
  coverage: 'free',
  reason,
}))

const MANAGEMENT = 'account, key, workspace and settings management'
const AGENT_SESSIONS =
  'hosted agent sessions run the model on the provider side and are billed per session (runtime and tokens); their usage never comes back to this call'

/** The OpenAI rows. */
export const OPENAI_COVERAGE: readonly CoverageRow[] = [
  { sdk: 'openai', methods: 'chat.completions.create', coverage: 'metered', reason: 'token usage, streams included' },
  { sdk: 'openai', methods: 'chat.completions.parse', coverage: 'metered', reason: 'calls the metered create', through: 'chat.completions.create' },
  { sdk: 'openai', methods: 'chat.completions.runTools', coverage: 'metered', reason: 'calls the metered create', through: 'chat.completions.create' },
  { sdk: 'openai', methods: 'chat.completions.stream', coverage: 'metered', reason: 'calls the metered create', through: 'chat.completions.create' },
  { sdk: 'openai', methods: 'responses.create', coverage: 'metered', reason: 'token usage and hosted tool fees (web search, file search, code-interpreter containers)' },
  { sdk: 'openai', methods: 'responses.parse', coverage: 'metered', reason: 'calls the metered create', through: 'responses.create' },
  { sdk: 'openai', methods: 'responses.stream', coverage: 'metered', reason: 'calls the metered create', through: 'responses.create' },
  { sdk: 'openai', methods: 'responses.compact', coverage: 'metered', reason: 'token usage of the compaction' },
  { sdk: 'openai', methods: 'beta.responses.create', coverage: 'metered', reason: 'as `responses.create`' },
  { sdk: 'openai', methods: 'beta.responses.compact', coverage: 'metered', reason: 'as `responses.compact`' },
  { sdk: 'openai', methods: 'embeddings.create', coverage: 'metered', reason: 'token usage' },
  { sdk: 'openai', methods: 'completions.create', coverage: 'metered', reason: 'token usage, streams included' },
  { sdk: 'openai', methods: 'decisions.create', coverage: 'metered', reason: 'token usage' },
  { sdk: 'openai', methods: 'images.generate', coverage: 'metered', reason: 'text and image token usage, streams included' },
  { sdk: 'openai', methods: 'images.edit', coverage: 'metered', reason: 'text and image token usage, streams included' },
  { sdk: 'openai', methods: 'audio.transcriptions.create', coverage: 'metered', reason: 'token or duration usage, streams included; plain-text output estimated from the upload size' },
  { sdk: 'openai', methods: 'audio.translations.create', coverage: 'metered', reason: 'duration; estimated from the upload size when the response has none' },
  { sdk: 'openai', methods: 'audio.speech.create', coverage: 'metered', reason: 'from the input: characters (tts-1, exact) or estimated tokens (gpt-4o-mini-tts; exact with `stream_format: \'sse\'`)' },
  { sdk: 'openai', methods: 'batches.create', coverage: 'metered', reason: 'captures the attribution; the results are recorded at the batch tier' },
  { sdk: 'openai', methods: 'batches.retrieve', coverage: 'metered', reason: 'records the usage of a finished batch once, at the batch tier' },
  { sdk: 'openai', methods: 'moderations.create', coverage: 'free', reason: 'moderation is free' },
  { sdk: 'openai', methods: 'images.createVariation', coverage: 'not metered', reason: 'retired endpoint: the API no longer accepts requests' },
  { sdk: 'openai', methods: 'contentProvenanceChecks.create', coverage: 'not metered', reason: 'not a model call; no usage returned and no price in the price table' },
  { sdk: 'openai', methods: 'audio.voices.create', coverage: 'not metered', reason: 'custom voice creation; no usage returned and no price in the price table' },
  { sdk: 'openai', methods: 'audio.voiceConsents.create', coverage: 'free', reason: 'records a consent' },
  { sdk: 'openai', methods: 'fineTuning.jobs.create', coverage: 'not metered', reason: 'training is billed as the job runs, long after the call; the price table has no training prices' },
  { sdk: 'openai', methods: 'fineTuning.jobs.pause', coverage: 'free', reason: 'controls a job' },
  { sdk: 'openai', methods: 'fineTuning.jobs.resume', coverage: 'free', reason: 'controls a job' },
  { sdk: 'openai', methods: 'fineTuning.checkpoints.*', coverage: 'free', reason: 'checkpoint permissions' },
  { sdk: 'openai', methods: 'fineTuning.alpha.graders.run', coverage: 'not metered', reason: 'model graders run server-side and report no usage' },
  { sdk: 'openai', methods: 'evals.*', coverage: 'free', reason: 'eval definitions' },
  { sdk: 'openai', methods: 'evals.runs.create', coverage: 'not metered', reason: 'eval runs bill their model tokens on the provider side; no usage comes back to this call' },
  { sdk: 'openai', methods: 'containers.create', coverage: 'not metered', reason: 'a code-interpreter container, billed per session at creation; containers the Responses `code_interpreter` tool creates are metered there' },
  { sdk: 'openai', methods: 'containers.files.*', coverage: 'free', reason: 'container files' },
  { sdk: 'openai', methods: 'vectorStores.*', coverage: 'not metered', reason: 'storage is billed per GB-day, not per call; searches through the Responses `file_search` tool are metered there' },
  { sdk: 'openai', methods: 'videos.*', coverage: 'not metered', reason: 'video generation is billed per second of video; the price table has no video prices' },
  { sdk: 'openai', methods: 'realtime.*', coverage: 'not metered', reason: 'realtime sessions (WebRTC, SIP, WebSocket) report usage over the session connection, not to these calls' },
  { sdk: 'openai', methods: 'beta.realtime.*', coverage: 'not metered', reason: 'as `realtime.*`' },
  { sdk: 'openai', methods: 'live.*', coverage: 'not metered', reason: 'Live WebRTC sessions report usage over the session connection, not to these calls' },
  { sdk: 'openai', methods: 'beta.agents.*', coverage: 'not metered', reason: AGENT_SESSIONS },
  { sdk: 'openai', methods: 'beta.chatkit.*', coverage: 'not metered', reason: 'ChatKit sessions run a hosted workflow whose model usage is billed on the provider side' },
  { sdk: 'openai', methods: 'beta.assistants.*', coverage: 'free', reason: 'assistant definitions' },
  { sdk: 'openai', methods: 'beta.threads.*', coverage: 'not metered', reason: 'Assistants API (deprecated): runs bill their model tokens on the provider side; the run object\'s usage is not read' },
  { sdk: 'openai', methods: 'conversations.*', coverage: 'free', reason: 'stored conversation items' },
  { sdk: 'openai', methods: 'files.*', coverage: 'free', reason: 'file storage' },
  { sdk: 'openai', methods: 'uploads.*', coverage: 'free', reason: 'file uploads' },
  { sdk: 'openai', methods: 'skills.*', coverage: 'free', reason: 'skill definitions' },
  { sdk: 'openai', methods: 'webhooks.*', coverage: 'free', reason: 'webhook endpoints' },
  { sdk: 'openai', methods: 'safety.*', coverage: 'free', reason: 'safety alerts and cases' },
  { sdk: 'openai', methods: 'admin.*', coverage: 'free', reason: `${MANAGEMENT}, usage and cost reports` },
]

/** The Anthropic rows. */
export const ANTHROPIC_COVERAGE: readonly CoverageRow[] = [
  { sdk: 'anthropic', methods: 'messages.create', coverage: 'metered', reason: 'token usage, cache writes and web searches included, streams included' },
  { sdk: 'anthropic', methods: 'messages.parse', coverage: 'metered', reason: 'calls the metered create', through: 'messages.create' },
  { sdk: 'anthropic', methods: 'messages.stream', coverage: 'metered', reason: 'calls the metered create', through: 'messages.create' },
  { sdk: 'anthropic', methods: 'beta.messages.create', coverage: 'metered', reason: 'as `messages.create`' },
  { sdk: 'anthropic', methods: 'beta.messages.parse', coverage: 'metered', reason: 'calls the metered create', through: 'beta.messages.create' },
  { sdk: 'anthropic', methods: 'beta.messages.stream', coverage: 'metered', reason: 'calls the metered create', through: 'beta.messages.create' },
  { sdk: 'anthropic', methods: 'beta.messages.toolRunner', coverage: 'metered', reason: 'calls the metered create', through: 'beta.messages.create' },
  { sdk: 'anthropic', methods: 'beta.messages.thread', coverage: 'metered', reason: 'each `send` calls the metered create', through: 'beta.messages.create' },
  { sdk: 'anthropic', methods: 'messages.batches.create', coverage: 'metered', reason: 'captures the attribution; the results are recorded at the batch tier' },
  { sdk: 'anthropic', methods: 'messages.batches.results', coverage: 'metered', reason: 'records each result\'s usage once, at the batch tier' },
  { sdk: 'anthropic', methods: 'beta.messages.batches.create', coverage: 'metered', reason: 'as `messages.batches.create`' },
  { sdk: 'anthropic', methods: 'beta.messages.batches.results', coverage: 'metered', reason: 'as `messages.batches.results`' },
  { sdk: 'anthropic', methods: 'beta.agents.*', coverage: 'not metered', reason: AGENT_SESSIONS },
  { sdk: 'anthropic', methods: 'beta.sessions.*', coverage: 'not metered', reason: AGENT_SESSIONS },
  { sdk: 'anthropic', methods: 'beta.environments.*', coverage: 'not metered', reason: AGENT_SESSIONS },
  { sdk: 'anthropic', methods: 'beta.deployments.*', coverage: 'not metered', reason: AGENT_SESSIONS },
  { sdk: 'anthropic', methods: 'beta.deploymentRuns.*', coverage: 'not metered', reason: AGENT_SESSIONS },
  { sdk: 'anthropic', methods: 'beta.dreams.*', coverage: 'not metered', reason: 'memory-store reorganisation jobs run the model on the provider side; no usage comes back to this call' },
  { sdk: 'anthropic', methods: 'beta.memoryStores.*', coverage: 'free', reason: 'stored memories' },
  { sdk: 'anthropic', methods: 'files.*', coverage: 'free', reason: 'file storage' },
  { sdk: 'anthropic', methods: 'beta.files.*', coverage: 'free', reason: 'file storage' },
  { sdk: 'anthropic', methods: 'skills.*', coverage: 'free', reason: 'skill definitions' },
  { sdk: 'anthropic', methods: 'beta.skills.*', coverage: 'free', reason: 'skill definitions' },
  { sdk: 'anthropic', methods: 'userProfiles.*', coverage: 'free', reason: 'user profiles' },
  { sdk: 'anthropic', methods: 'beta.userProfiles.*', coverage: 'free', reason: 'user profiles' },
  { sdk: 'anthropic', methods: 'beta.vaults.*', coverage: 'free', reason: 'credential vaults' },
  { sdk: 'anthropic', methods: 'beta.tunnels.*', coverage: 'free', reason: 'network tunnels' },
  { sdk: 'anthropic', methods: 'beta.webhooks.*', coverage: 'free', reason: 'webhook parsing' },
  { sdk: 'anthropic', methods: 'beta.compliance.*', coverage: 'free', reason: 'compliance review' },
  { sdk: 'anthropic', methods: 'organization.*', coverage: 'free', reason: `${MANAGEMENT}, usage and cost reports` },
  { sdk: 'anthropic', methods: 'beta.organization.*', coverage: 'free', reason: `${MANAGEMENT}, usage and cost reports` },
]

/** The row of `rows` (one SDK's rows and the name rows) covering `path`: the exact row, else the longest resource row, else the method-name row. */
export function coverageOf(rows: readonly CoverageRow[], path: string): CoverageRow | undefined {
  const exact = rows.find((row) => row.methods === path)
  if (exact !== undefined) return exact
  let resource: CoverageRow | undefined
  for (const row of rows) {
    if (!row.methods.endsWith('.*') || row.methods.startsWith('*.')) continue
    const prefix = row.methods.slice(0, -1)
    if (path.startsWith(prefix) && (resource === undefined || prefix.length > resource.methods.length - 1)) resource = row
  }
  if (resource !== undefined) return resource
  const name = `*.${path.slice(path.lastIndexOf('.') + 1)}`
  return rows.find((row) => row.methods.startsWith('*.') && row.methods.split(', ').includes(name))
}

/** The markdown table of `rows` (one line per row) that `docs/prices.md` must contain verbatim. */
export function renderCoverageTable(rows: readonly CoverageRow[]): string {
  const lines = ['| SDK | methods | coverage | why |', '|---|---|---|---|']
  for (const row of rows) lines.push(`| ${row.sdk} | \`${row.methods}\` | ${row.coverage} | ${row.reason} |`)
  return lines.join('\n')
}
