/** The metric and label names a PromQL expression (or a Grafana `label_values(...)` query) uses. */
export interface PromqlNames {
  metrics: string[]
  labels: string[]
}

const keywords = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'and', 'or', 'unless', 'offset', 'inf', 'nan'])
const identifier = /[a-zA-Z_:][a-zA-Z0-9_:]*/g

/**
 * Finds the names in `expression`: label names in `{...}` matchers and in `by`/`without`/`on`/
 * `ignoring`/`group_*` lists, metric names everywhere else (identifiers not followed by `(`, which
 * are functions and aggregations). String literals, range selectors (`[5m]`, `[$__range]`) and
 * Grafana variables are ignored. Enough for dashboards; not a full PromQL parser.
 */
export function promqlNames(expression: string): PromqlNames {
  const metrics = new Set<string>()
  const labels = new Set<string>()
  let rest = expression
    .replace(/label_values\(\s*(?:([a-zA-Z_:][a-zA-Z0-9_:]*)?(\{[^}]*\})?\s*,\s*)?([a-zA-Z_][a-zA-Z0-9_]*)\s*\)/g, (_match, metric: string | undefined, matchers: string | undefined, label: string) => {
      labels.add(label)
      return `${metric ?? ''}${matchers ?? ''}`
    })
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
  rest = rest.replace(/\{([^}]*)\}/g, (_match, matchers: string) => {
    for (const matcher of matchers.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)/g)) labels.add(matcher[1]!)
    return ' '
  })
  rest = rest.replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)/g, (_match, _keyword: string, list: string) => {
    for (const label of list.match(identifier) ?? []) labels.add(label)
    return ' '
  })
  rest = rest.replace(/\[[^\]]*\]/g, ' ').replace(/\$\{?\w+\}?/g, ' ')
  for (const match of rest.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?/g)) {
    const name = match[1]!
    if (match[2] !== undefined || keywords.has(name.toLowerCase()) || /^\d/.test(name)) continue
    // Skip number exponents and units of durations left outside brackets (e.g. `offset 5m`).
    const before = rest[match.index - 1]
    if (before !== undefined && /[0-9.]/.test(before)) continue
    metrics.add(name)
  }
  return { metrics: [...metrics].sort(), labels: [...labels].sort() }
}
