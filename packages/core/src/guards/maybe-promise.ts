import type { MaybePromise } from '../store/store.js'

/** True for a promise or any thenable. */
export function isThenable<T>(value: MaybePromise<T> | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T> | null)?.then === 'function'
}

/**
 * Runs `work`, then `onValue` with its result: synchronously when `work` returns a plain value,
 * after it settles when it returns a promise. A throw or rejection of `work` goes to `onError`.
 * Keeps the guards synchronous with synchronous stores.
 */
export function attempt<T, R>(work: () => MaybePromise<T>, onValue: (value: T) => R, onError: (error: unknown) => R): R | Promise<Awaited<R>> {
  let result: MaybePromise<T>
  try {
    result = work()
  } catch (error) {
    return onError(error)
  }
  return isThenable(result) ? (Promise.resolve(result).then(onValue, onError) as Promise<Awaited<R>>) : onValue(result)
}
