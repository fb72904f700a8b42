/** The attribution keys every engine knows; DESIGN.md maps them to span attributes (`enduser.id`, `team.name`, `feature.name`, `cost_center`). */
export const WELL_KNOWN_ATTRIBUTION_KEYS: readonly string[] = Object.freeze(['user', 'team', 'feature', 'costCenter'])
