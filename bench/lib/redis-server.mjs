import { spawn } from 'node:child_process'
import { createServer } from 'node:net'

/** A free TCP port on loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts this bench's own `redis-server` (no persistence) on a free loopback port and resolves
 * `{ port, stop() }` once it accepts connections. Rejects when the binary is missing.
 * `REDIS_SERVER` overrides the binary (default `redis-server` on PATH, e.g. Debian's /usr/bin/redis-server).
 */
export async function startRedisServer() {
  const port = await freePort()
  const binary = process.env.REDIS_SERVER ?? 'redis-server'
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s: ${output}`)), 10_000)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`redis-server exited with ${code}: ${output}`))
    })
    child.stdout.on('data', (data) => {
      output += data
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.stderr.on('data', (data) => (output += data))
  })
  child.removeAllListeners('exit')
  return {
    port,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
