/**
 * Who a model call is for. The well-known keys map to span attributes as DESIGN.md fixes them:
 * `user` → `enduser.id`, `team` → `team.name`, `feature` → `feature.name`,
 * `costCenter` → `cost_center`; any other key `k` → `finops.attribution.k`.
 */
export interface Attribution {
  /** The end user the call serves (`enduser.id`). */
  user?: string
  /** The owning team (`team.name`). */
  team?: string
  /** The product feature (`feature.name`). */
  feature?: string
  /** The cost center that pays (`cost_center`). */
  costCenter?: string
  /** Any other dimension, e.g. `run`, `tenant`, `environment` (`finops.attribution.<key>`). */
  [key: string]: string | undefined
}
