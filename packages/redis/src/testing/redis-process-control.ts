// Process plumbing shared by the throwaway Redis servers and clusters of `@finops-ai/redis/testing`.
import { execFile } from 'node:child_process'
import { createServer } from 'node:net'

const cli = process.env.REDIS_CLI_BIN ?? 'redis-cli'

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
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
