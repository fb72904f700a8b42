/**
 * Cheaper models of the same family, by model id: the right-sizing suggestion prices an expensive
 * model's calls on its sibling (same provider). Every name is in the bundled price data (a test
 * checks it and that each sibling is cheaper on input and output). A record's model matches a key
 * exactly or as a dated snapshot (`gpt-4o-2024-08-06`, `claude-sonnet-4-5-20250929`, `…-latest`).
 */
export const DEFAULT_MODEL_SIBLINGS: Readonly<Record<string, string>> = {
  'gpt-4o': 'gpt-4o-mini',
  'gpt-4.1': 'gpt-4.1-mini',
  'gpt-4.1-mini': 'gpt-4.1-nano',
  'gpt-5': 'gpt-5-mini',
  'gpt-5-mini': 'gpt-5-nano',
  'gpt-5.4': 'gpt-5.4-mini',
  'claude-opus-4': 'claude-sonnet-4',
  'claude-opus-4-1': 'claude-sonnet-4',
  'claude-opus-4-5': 'claude-sonnet-4-5',
  'claude-opus-4-6': 'claude-sonnet-4-6',
  'claude-sonnet-4-5': 'claude-haiku-4-5',
  'claude-sonnet-4-6': 'claude-haiku-4-5',
  'claude-3-7-sonnet': 'claude-3-5-haiku',
  'claude-3-5-sonnet': 'claude-3-5-haiku',
}

/** A dated snapshot or `-latest` suffix of a model id. */
const snapshot = /-(\d{4}-\d{2}-\d{2}|\d{8}|latest)$/

/**
 * Looks up a model's cheaper sibling in `table` (keys any case), the model's own id first, then
 * the id without a snapshot suffix; the answer is cached per model name.
 */
export function createSiblingLookup(table: Readonly<Record<string, string>>): (model: string) => string | undefined {
  const siblings = new Map(Object.entries(table).map(([model, sibling]) => [model.toLowerCase(), sibling]))
  const cache = new Map<string, string | undefined>()
  return (model) => {
    if (cache.has(model)) return cache.get(model)
    const name = model.toLowerCase()
    const sibling = siblings.get(name) ?? siblings.get(name.replace(snapshot, ''))
    cache.set(model, sibling)
    return sibling
  }
}
