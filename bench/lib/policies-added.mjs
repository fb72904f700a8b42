/** The figure the policies' cost in a wrapped call is held to: the same three policies' guards measured alone. */
const GUARDS_ALONE = 'guards.memory.3-policies'

/**
 * Sets the target of every `<scenario>.policies-added` entry of `entries` (what three policies on
 * the memory store add to a wrapped call, `addedUs`, CPU) against the guards measured alone in
 * their own scenario (`guards.memory.3-policies`, `medianUs`): met when it adds no more. Without
 * that entry (e.g. `--only=openai`), the target is recorded as not checked.
 */
export function checkPoliciesAdded(entries) {
  const alone = entries[GUARDS_ALONE]?.medianUs
  for (const [key, entry] of Object.entries(entries)) {
    if (!key.endsWith('.policies-added') || entry.addedUs === undefined) continue
    entries[key] =
      alone === undefined
        ? { ...entry, target: `≤ ${GUARDS_ALONE} (not run)`, met: false }
        : { ...entry, figure: `+${entry.addedUs} µs CPU, +${entry.wallAddedUs} µs wall`, target: `≤ ${GUARDS_ALONE} (${alone} µs)`, met: entry.addedUs <= alone }
  }
}
