/**
 * A rolling window kept as sub-buckets: amounts are added to the bucket of the time they happen
 * (`floor(time / bucketMs)`), and the window at `now` sums the last `windowMs / bucketMs + 1`
 * buckets, the current one included.
 *
 * Error bound: an amount counts for at least `windowMs` and at most `windowMs + bucketMs` after it
 * happened (it is forgotten at the end of its bucket plus `windowMs`). So the window never
 * under-counts: no trailing `windowMs` ever holds more than the limit, and a call may be denied
 * for up to `bucketMs` longer than an exact sliding log would deny it.
 */
export interface WindowShape {
  /** Length of the window in ms (`60_000` for per-minute limits). A multiple of `bucketMs`. */
  windowMs: number
  /** Width of one sub-bucket in ms (`1_000` for per-minute limits). */
  bucketMs: number
}

/** The per-minute window of `requests_per_minute`, `tokens_per_minute` and cost velocity: 60 s in 1 s buckets. */
export const minuteWindow: WindowShape = { windowMs: 60_000, bucketMs: 1_000 }

/** The bucket index that `time` falls in. */
export function bucketOf(shape: WindowShape, time: number): number {
  return Math.floor(time / shape.bucketMs)
}

/** The oldest bucket index still counted at `now`. */
export function oldestCountedBucket(shape: WindowShape, now: number): number {
  return bucketOf(shape, now) - shape.windowMs / shape.bucketMs
}

/** When the amounts of `bucket` stop counting (epoch ms). */
export function bucketExpiry(shape: WindowShape, bucket: number): number {
  return (bucket + shape.windowMs / shape.bucketMs + 1) * shape.bucketMs
}

/** Sum of the buckets counted at `now`; drops older buckets from `buckets` as it goes. */
export function windowSum(shape: WindowShape, buckets: Map<number, number>, now: number): number {
  const oldest = oldestCountedBucket(shape, now)
  let sum = 0
  for (const [bucket, amount] of buckets) {
    if (bucket < oldest) buckets.delete(bucket)
    else sum += amount
  }
  return sum
}

/**
 * Milliseconds from `now` until the window has room for `amount` under `limit`, or `undefined`
 * when it never will (`amount > limit`). 0 when it fits now.
 */
export function windowRetryAfter(
  shape: WindowShape,
  buckets: Map<number, number>,
  now: number,
  amount: number,
  limit: number,
): number | undefined {
  if (amount > limit) return undefined
  const oldest = oldestCountedBucket(shape, now)
  const counted = [...buckets.entries()].filter(([bucket]) => bucket >= oldest).sort((a, b) => a[0] - b[0])
  let used = counted.reduce((sum, [, value]) => sum + value, 0)
  if (used + amount <= limit) return 0
  for (const [bucket, value] of counted) {
    used -= value
    if (used + amount <= limit) return bucketExpiry(shape, bucket) - now
  }
  return undefined
}
