/**
 * Cluster replies that mean the command did not run, so running it again is safe: `TRYAGAIN`
 * (a multi-key command whose slot is being migrated and whose keys are not all on one side, or
 * do not exist yet) and `CLUSTERDOWN` (a slot without a master, e.g. during a failover), also
 * when ioredis gave up following redirections with one of them (or with `MOVED`/`ASK`) last.
 * Plain `MOVED`/`ASK` are not in it: cluster clients (ioredis, node-redis) follow them for
 * `EVALSHA` themselves.
 */
const slotInTransit = /^(?:TRYAGAIN|CLUSTERDOWN) |^Too many Cluster redirections\. Last error: (?:\w*Error: )?(?:TRYAGAIN|CLUSTERDOWN|MOVED|ASK) /

/** First wait before running a command again while its slot moves, in ms; doubled each time. */
const firstRetryDelayMs = 5

/** Longest wait between two runs of a command while its slot moves, in ms. */
const retryDelayCapMs = 100

/** Whether `error` is a Redis Cluster reply saying the command did not run because its slot is moving or unserved. */
export function isSlotInTransit(error: unknown): boolean {
  return error instanceof Error && slotInTransit.test(error.message)
}

/**
 * Runs `attempt` again (5 ms, 10 ms, … then every 100 ms) while it fails because its Redis
 * Cluster slot is moving or unserved ({@link isSlotInTransit}) and `wanted()` still says so (the
 * operation's deadline has not passed); any other failure, or one after `wanted()` turned false,
 * rejects as is.
 */
export async function retryWhileSlotMoves<T>(attempt: () => Promise<T>, wanted: () => boolean): Promise<T> {
  for (let retry = 0; ; retry += 1) {
    try {
      return await attempt()
    } catch (error) {
      if (!isSlotInTransit(error) || !wanted()) throw error
      await new Promise((resolve) => setTimeout(resolve, Math.min(retryDelayCapMs, firstRetryDelayMs * 2 ** retry)).unref())
      if (!wanted()) throw error
    }
  }
}
