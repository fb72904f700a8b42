/**
 * Whether the built package `name` (its `dist`, what users run) exports the functions `exports`.
 * Resolves `undefined` when it does, or the reason it can't be used: packages being written can
 * still hold a placeholder build. Scenarios record that reason as `skipped`; they never fake numbers.
 */
export async function unbuiltReason(name, exports) {
  let module
  try {
    module = await import(name)
  } catch (error) {
    return `${name} is not built or not installed (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); run pnpm build`
  }
  const missing = exports.filter((exported) => typeof module[exported] !== 'function')
  return missing.length === 0 ? undefined : `${name}'s build does not export ${missing.join(', ')} yet (placeholder build?); run pnpm build`
}
