/**
 * One policy as written in configuration (YAML, JSON or code), in the seed's virtual-key shape.
 * Unknown fields are rejected, so typos fail at load instead of being ignored.
 *
 * Money fields name their currency with a 3-letter suffix (`hard_limit_eur`,
 * `cost_velocity_usd_per_min`) or with a `currency` field next to the unsuffixed name
 * (`hard_limit` + `currency: EUR`); a suffix wins over `currency`. Without either, the amount is
 * in the engine currency.
 */
export interface PolicyConfig {
  /** Unique policy key, e.g. `support-rag`. */
  key: string
  /**
   * Which calls count: every listed attribution key must equal the value (or one of the values).
   * Omitted: every call.
   */
  match?: Record<string, string | string[]>
  /**
   * One set of counters per distinct value of this attribution key (e.g. `user`). Calls without
   * the key share the counters of the value `(none)`.
   */
  per?: string
  /** Default currency of the money fields below without a suffix. */
  currency?: string
  limits?: LimitsConfig
  /** `downgrade: { fromModel: toModel }` applies while the policy's soft budget limit is reached. */
  on_soft_limit?: { downgrade?: Record<string, string> }
  /** What a denied call does: `'reject'` at once, or `'wait'` FIFO up to `maxWaitMs`. Default: the file's, else `'reject'`. */
  onLimit?: 'reject' | 'wait'
  /** Longest wait of `onLimit: 'wait'`, in ms or a duration (`'30s'`). Default: the file's, else 30 s. */
  maxWaitMs?: number | string
}

/** The `limits` of a {@link PolicyConfig}. */
export interface LimitsConfig {
  /** Requests in any rolling 60 s. */
  requests_per_minute?: number
  /** Tokens (estimated at reservation, actual at settlement) in any rolling 60 s. */
  tokens_per_minute?: number
  /** Calls in flight at once. */
  max_concurrent?: number
  budget?: BudgetConfig
  circuit_breaker?: CircuitBreakerConfig
}

/** A budget per UTC calendar period: `soft_limit_<cur>` alerts, `hard_limit_<cur>` rejects. */
export interface BudgetConfig {
  period: 'hourly' | 'daily' | 'weekly' | 'monthly' | 'total'
  currency?: string
  soft_limit?: number
  hard_limit?: number
  /** `soft_limit_eur`, `hard_limit_usd`, ... */
  [moneyField: string]: number | string | undefined
}

/** A cost-velocity breaker: `cost_velocity_<cur>_per_min` (or `cost_velocity_per_min` + `currency`) and `cooldown` (default `5m`). */
export interface CircuitBreakerConfig {
  cooldown?: number | string
  currency?: string
  cost_velocity_per_min?: number
  [moneyField: string]: number | string | undefined
}

/** A policy file: policies plus file-wide defaults for `onLimit` and `maxWaitMs`, and the engine's money settings. */
export interface PolicyFileConfig {
  policies: PolicyConfig[]
  onLimit?: 'reject' | 'wait'
  maxWaitMs?: number | string
  /** Engine currency (ISO 4217), as `createFinOps({ currency })`; that option, when also given, must agree. */
  currency?: string
  /** Units of each currency per 1 USD (`{ EUR: 0.92 }`: 1 USD = 0.92 EUR), as `createFinOps({ exchangeRates })`. */
  exchange_rates?: Record<string, number>
}
