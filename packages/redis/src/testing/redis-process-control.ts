// Process plumbing shared by the throwaway Redis servers and clusters of `@finops-ai/redis/testing`.
import { execFile } from 'node:child_process'
import { createServer } from 'node:net'

const cli = process.env.REDIS_CLI_BIN ?? 'redis-cli'

/** Listens on `port` (0: any) on 127.0.0.1, then closes; resolves the port, or `undefined` when it is taken. */
function probePort(port: number): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve(undefined) : reject(error)))
    server.listen(port, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  const port = await probePort(0)
  if (port === undefined) throw new Error('no free port on 127.0.0.1')
  return port
}

/** How far above a cluster node's port Redis listens for its cluster bus. */
const CLUSTER_BUS_OFFSET = 10_000

/**
 * A port on 127.0.0.1 for a Redis Cluster node: free a moment ago, and so was its cluster bus port
 * (`port + 10000`, which must stay ≤ 65535 — redis-server refuses a higher node port). The kernel
 * hands out ports across its whole ephemeral range, so both conditions are checked.
 */
export async function freeClusterPort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const port = await freePort()
    if (port + CLUSTER_BUS_OFFSET <= 65_535 && (await probePort(port + CLUSTER_BUS_OFFSET)) !== undefined) return port
  }
  throw new Error(`no port on 127.0.0.1 whose cluster bus port (+${CLUSTER_BUS_OFFSET}) is free too, after 100 tries`)
}

/** Runs `redis-cli -p <port> <args…>` and resolves its trimmed output; rejects on an error reply. */
export function redisCli(port: number, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cli, ['-h', '127.0.0.1', '-p', String(port), ...args], { encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) => {
      const output = stdout.trim()
      if (error !== null) reject(new Error(`redis-cli ${args.join(' ')} on port ${port} failed: ${stderr.trim() || error.message}`, { cause: error }))
      else if (/^(ERR|WRONGTYPE|NOSCRIPT|MOVED|ASK|TRYAGAIN|CLUSTERDOWN|IOERR|BUSY|NOKEY) /.test(output)) reject(new Error(`redis-cli ${args.join(' ')} on port ${port}: ${output}`))
      else resolve(output)
    })
  })
}

/**
 * Polls `check` until it resolves `true`, re-checking as soon as the previous check answered (with
 * a 20 ms pause so a down server is not hammered); throws naming `what` after 30 s.
 */
export async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`timed out waiting until ${what}`)
}
