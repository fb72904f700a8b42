/** Where a row's calls belong: a missing attribution value is `(none)`. */
export interface SavingsGroup {
  team: string
  feature: string
  /** `gen_ai.provider.name` of the calls. */
  provider: string
  /** The model the calls were priced at (after any soft-limit downgrade). */
  model: string
}

/** Calls and their spend (in the report currency) of a group. */
export interface SavingsCalls {
  calls: number
  spend: number
}

/** Cached-input share of a group: informational, no saving. */
export interface CachedInputRow extends SavingsGroup, SavingsCalls {
  inputTokens: number
  cacheReadTokens: number
  /** `cacheReadTokens / inputTokens`, 0–1. */
  share: number
}

/** Prompt-cache writes of a group that no later call read back within their TTL. */
export interface UnreadCacheWriteRow extends SavingsGroup {
  /** Writes (one per call and TTL) in the group. */
  writes: number
  /** Writes never read back, and their tokens. */
  unreadWrites: number
  unreadTokens: number
  /** What the unread writes cost, in the report currency. */
  unreadCost: number
  /** Their premium over uncached input: what not caching these prompts would have saved. */
  saving: number
}

/** Uncached input of a group on a provider that caches prompts automatically. */
export interface AutomaticCachingRow extends SavingsGroup, SavingsCalls {
  /** Uncached text input tokens of calls with at least 1,024 input tokens. */
  uncachedTokens: number
  /** Their cost at the input price minus their cost at the cache-read price: an upper bound. */
  saving: number
}

/** Standard-tier spend of a feature marked non-interactive. */
export interface BatchRow extends SavingsGroup, SavingsCalls {
  /** Service tiers the calls ran at (`default` when the record names none). */
  tiers: string[]
  /** Spend minus the same calls at the model's batch price. */
  saving: number
}

/** A group on an expensive model with short outputs and no recorded tool use. */
export interface RightSizingRow extends SavingsGroup, SavingsCalls {
  /** The cheaper model of the same family. */
  sibling: string
  /** 95th percentile of output tokens (nearest rank). */
  p95OutputTokens: number
  /** Spend minus the same tokens on `sibling`. */
  saving: number
}

/** Calls a soft limit already downgraded (`on_soft_limit.downgrade`). */
export interface DowngradeRow extends SavingsGroup, SavingsCalls {
  /** The model the calls asked for; `model` is the one that served them. */
  requestedModel: string
  /** The same tokens on `requestedModel` minus the spend: what the downgrade saved. */
  saved: number
}

/** Calls of a feature and those the response cache answered (`createFinOps({ cache })`). */
export interface ResponseCacheRow extends SavingsCalls {
  team: string
  feature: string
  /** Calls that ran (not denied), hits included; `spend` is theirs (a hit costs nothing). */
  calls: number
  /** Calls the response cache answered: no request reached the provider. */
  hits: number
  /** `hits / calls`, 0–1. */
  hitRate: number
  /** What the hits would have cost, in the report currency: already saved. */
  costAvoided: number
  /** Hits whose cost avoided is unknown (`costAvoided: null`, the model had no price): not in `costAvoided`. */
  unpricedHits: number
}

/** Reasoning tokens of a feature. */
export interface ReasoningRow extends SavingsCalls {
  team: string
  feature: string
  outputTokens: number
  reasoningTokens: number
  /** `reasoningTokens / outputTokens`, 0–1. */
  share: number
  /** What the reasoning tokens cost, in the report currency. */
  reasoningSpend: number
}

/** Calls of a feature denied by a guard. */
export interface DenialRow {
  team: string
  feature: string
  /** All calls of the feature, denied ones included. */
  calls: number
  denied: number
  /** Denials by reason (`errorType`: `budget`, `requests_per_minute`, …). */
  reasons: Record<string, number>
}

/** One suggestion type: its rows, largest first, and the assumption behind every figure in them. */
export interface SavingsSection<Row> {
  /** What the figures assume, stated next to them in every rendering. */
  assumption: string
  rows: Row[]
  /** Sum of the rows' savings in the report currency (0 for informational sections). */
  total: number
}

/**
 * What `savings()` finds in a usage ledger. Every figure is computed from the records and the price
 * book; where a suggestion needs data the ledger does not hold, `toRecord` says what to record.
 */
export interface Savings {
  /** ISO 4217 code of every amount. */
  currency: string
  /** The team and feature the analysis was restricted to, if any. */
  team?: string
  feature?: string
  /** Calls analysed (response-cache hits included) and their spend. */
  calls: number
  spend: number
  cachedInput: SavingsSection<CachedInputRow>
  unreadCacheWrites: SavingsSection<UnreadCacheWriteRow>
  automaticCaching: SavingsSection<AutomaticCachingRow>
  batch: SavingsSection<BatchRow>
  rightSizing: SavingsSection<RightSizingRow>
  downgrades: SavingsSection<DowngradeRow>
  /** Cost the response cache already avoided; `total` is the sum of `costAvoided`. */
  responseCache: SavingsSection<ResponseCacheRow>
  reasoning: SavingsSection<ReasoningRow>
  denials: SavingsSection<DenialRow>
  /** Data the ledger lacks for a suggestion, and how to record it (or, for the response cache, what to turn on). */
  toRecord: string[]
  /** Calls left out of the price comparisons because the price book does not know their model (or its sibling). */
  unpriced: number
  /** Every team and feature in the ledger (before the `team`/`feature` filter), sorted. */
  teams: string[]
  features: string[]
}
