import type { Attributes } from '@opentelemetry/api'
import type { Attribution } from './attribution.js'

const wellKnown: Readonly<Record<string, string>> = {
  user: 'enduser.id',
  team: 'team.name',
  feature: 'feature.name',
  costCenter: 'cost_center',
}

const cache = new Map<string, string>()

/** The span attribute name of an attribution key (`user` → `enduser.id`, `run` → `finops.attribution.run`). */
export function attributionAttributeName(key: string): string {
  let name = cache.get(key)
  if (name === undefined) {
    name = wellKnown[key] ?? `finops.attribution.${key}`
    if (cache.size < 1024) cache.set(key, name)
  }
  return name
}

/** Writes every present attribution value into `target` under its span attribute name. */
export function addAttributionAttributes(target: Attributes, attribution: Attribution): Attributes {
  for (const key in attribution) {
    const value = attribution[key]
    if (value !== undefined) target[attributionAttributeName(key)] = value
  }
  return target
}
