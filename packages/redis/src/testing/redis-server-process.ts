// A throwaway `redis-server` for tests: exported from `@finops-ai/redis/testing`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { Socket } from 'node:net'
import { freePort } from './redis-process-control.js'

/** A `redis-server` child process on a free local port, without persistence. */
export interface RedisServerProcess {
  readonly port: number
  /** Kills the server (SIGKILL: a crash, data lost) and waits for it to exit. */
  kill(): Promise<void>
  /** Starts a fresh, empty server on the same port (after `kill`). */
  restart(): Promise<void>
  /** Freezes the server (SIGSTOP): connections stay open, replies stop — a very slow Redis. */
  pause(): void
  /** Unfreezes it (SIGCONT). */
  resume(): void
  /** Stops the server for good. */
  stop(): Promise<void>
}

const binary = process.env.REDIS_SERVER_BIN ?? 'redis-server'

/**
 * Why Redis tests cannot run here, or `undefined` when `redis-server` is installed. Without it,
 * warns visibly (tests skip) — except under `CI=true`, where it throws: in CI a missing Redis is a
 * failure, never a skip.
 */
export function redisServerSkipReason(): string | undefined {
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8' })
  if (probe.status === 0) return undefined
  const reason = `'${binary}' is not installed (Debian package redis-server): Redis store tests are SKIPPED`
  if (process.env.CI === 'true') throw new Error(`${reason.split(':')[0]}, and CI=true requires it`)
  console.warn(`\n⚠ ${reason}\n`)
  return reason
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket()
    const done = (answer: boolean) => {
      socket.destroy()
      resolve(answer)
    }
    socket.setTimeout(500, () => done(false))
    socket.once('error', () => done(false))
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')))
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'))
  })
}

async function waitForPing(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`)
    if (await ping(port)) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`redis-server on port ${port} did not answer PING within 10 s`)
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()))
}

/** Options of {@link startRedisServer}. */
export interface RedisServerOptions {
  /**
   * More `redis-server` arguments, after the defaults (a later one wins), e.g.
   * `['--maxmemory-policy', 'volatile-lru']` or `['--rename-command', 'CONFIG', '']`. Default none.
   */
  args?: readonly string[]
}

/**
 * Starts `redis-server --port <free> --save '' --appendonly no` (then `options.args`) and waits
 * until it answers PING. `restart()` starts it again with the same arguments.
 */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServerProcess> {
  let port = await freePort()
  let child: ChildProcess | undefined
  const killOnExit = () => child?.kill('SIGKILL')
  process.once('exit', killOnExit)

  const launch = async (): Promise<void> => {
    const started = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...(options.args ?? [])], { stdio: 'ignore' })
    child = started
    await waitForPing(port, started)
  }
  const kill = async (): Promise<void> => {
    const running = child
    if (!running) return
    running.kill('SIGCONT')
    running.kill('SIGKILL')
    await exited(running)
  }

  // The port can be taken between choosing it and the server binding it: then choose another.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await launch()
      break
    } catch (error) {
      if (child?.exitCode === null || attempt === 3) {
        killOnExit()
        process.removeListener('exit', killOnExit)
        throw error
      }
      port = await freePort()
    }
  }
  return {
    port,
    kill,
    restart: launch,
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    stop: async () => {
      await kill()
      process.removeListener('exit', killOnExit)
    },
  }
}
