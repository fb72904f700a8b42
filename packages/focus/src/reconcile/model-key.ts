const snapshotSuffix = /-(?:\d{4}-\d{2}-\d{2}|\d{8})$/

/**
 * The model name both sides are matched on: the name without a dated snapshot suffix
 * (`gpt-4o-2024-08-06` → `gpt-4o`, `claude-sonnet-4-5-20250929` → `claude-sonnet-4-5`), because a
 * ledger records the requested alias and reports may name the snapshot that served it.
 */
export function modelKey(model: string): string {
  return model.replace(snapshotSuffix, '')
}
