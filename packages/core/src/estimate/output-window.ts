/**
 * The last `capacity` output-token counts of one key, in arrival order (a ring) and sorted (for
 * percentiles). Adding costs two binary searches and one `copyWithin` of at most `capacity`
 * numbers; a percentile is one array read. Counts above 2³² − 1 are kept as 2³² − 1.
 */
export class OutputWindow {
  private readonly arrivals: Uint32Array
  private readonly sorted: Uint32Array
  private next = 0
  private count = 0

  constructor(readonly capacity: number) {
    this.arrivals = new Uint32Array(capacity)
    this.sorted = new Uint32Array(capacity)
  }

  /** How many counts the window holds (at most `capacity`). */
  get size(): number {
    return this.count
  }

  /** Adds one count, dropping the oldest when the window is full. */
  add(tokens: number): void {
    const { arrivals, sorted } = this
    if (this.count === this.capacity) {
      const at = firstIndexNotBelow(sorted, this.count, arrivals[this.next]!)
      sorted.copyWithin(at, at + 1, this.count)
      this.count--
    }
    const value = Math.min(tokens, 0xffff_ffff)
    arrivals[this.next] = value
    this.next = (this.next + 1) % this.capacity
    const at = firstIndexNotBelow(sorted, this.count, value)
    sorted.copyWithin(at + 1, at, this.count)
    sorted[at] = value
    this.count++
  }

  /** Replaces the window's counts by `counts` (oldest first; only the last `capacity` are kept). */
  reset(counts: readonly number[]): void {
    this.count = 0
    this.next = 0
    for (let index = Math.max(0, counts.length - this.capacity); index < counts.length; index++) this.add(counts[index]!)
  }

  /**
   * The nearest-rank percentile (`percent` in (0, 100]): the smallest count such that at least
   * `percent` % of the window is at or below it. 0 when the window is empty.
   */
  percentile(percent: number): number {
    if (this.count === 0) return 0
    const rank = Math.max(1, Math.ceil((percent / 100) * this.count))
    return this.sorted[rank - 1]!
  }
}

/** Index of the first of the `length` sorted values that is `>= value` (`length` when none). */
function firstIndexNotBelow(sorted: Uint32Array, length: number, value: number): number {
  let low = 0
  let high = length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sorted[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}
