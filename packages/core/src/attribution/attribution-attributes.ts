import type { Attributes } from '@opentelemetry/api'
import type { Attribution } from './attribution.js'

/**
 * How attribution keys are named as span and metric attributes:
 * - `'default'` (the contract of DESIGN.md): `user` → `enduser.id`, `team` → `team.name`,
 *   `feature` → `feature.name`, `costCenter` → `cost_center`, any other key `k` → `finops.attribution.k`;
 * - `'namespaced'`: `user` → `enduser.id` (a registered name), every other key under
 *   `finops.attribution.*`: `finops.attribution.team`, `finops.attribution.feature`,
 *   `finops.attribution.cost_center` (snake_case, as attribute names are), `finops.attribution.k`.
 *   No unregistered top-level names.
 */
export type AttributionNaming = 'default' | 'namespaced'

/** The attribution naming values, for validation. */
export const ATTRIBUTION_NAMINGS: readonly AttributionNaming[] = ['default', 'namespaced']

const CUSTOM_PREFIX = 'finops.attribution.'

const wellKnown: Readonly<Record<AttributionNaming, Readonly<Record<string, string>>>> = {
  default: { user: 'enduser.id', team: 'team.name', feature: 'feature.name', costCenter: 'cost_center' },
  namespaced: {
    user: 'enduser.id',
    team: `${CUSTOM_PREFIX}team`,
    feature: `${CUSTOM_PREFIX}feature`,
    costCenter: `${CUSTOM_PREFIX}cost_center`,
  },
}

const caches: Record<AttributionNaming, Map<string, string>> = { default: new Map(), namespaced: new Map() }

/**
 * The span attribute name of an attribution key (`user` → `enduser.id`, `run` → `finops.attribution.run`),
 * in `naming` (default `'default'`).
 */
export function attributionAttributeName(key: string, naming: AttributionNaming = 'default'): string {
  const cache = caches[naming]
  let name = cache.get(key)
  if (name === undefined) {
    name = wellKnown[naming][key] ?? `${CUSTOM_PREFIX}${key}`
    if (cache.size < 1024) cache.set(key, name)
  }
  return name
}

/** Writes every present attribution value into `target` under its span attribute name in `naming` (default `'default'`). */
export function addAttributionAttributes(target: Attributes, attribution: Attribution, naming: AttributionNaming = 'default'): Attributes {
  for (const key in attribution) {
    const value = attribution[key]
    if (value !== undefined) target[attributionAttributeName(key, naming)] = value
  }
  return target
}
