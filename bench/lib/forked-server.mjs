import { fork } from 'node:child_process'
import { createServer } from 'node:net'
import { once } from 'node:events'

/**
 * Forks `script` (a server that sends `{ port }` over IPC once listening) and resolves when it
 * listens: `{ port, ask(message), close() }`, where `ask` sends `message` and resolves the next
 * message the server sends back. Rejects with the server's stderr if it exits first.
 */
export async function forkServer(script, args = [], { execArgv = [] } = {}) {
  const child = fork(script, args, { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] })
  let stderr = ''
  child.stderr.on('data', (part) => (stderr = (stderr + part).slice(-4000)))
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`${script} exited with code ${code} before listening: ${stderr}`)
  })
  const [{ port }] = await Promise.race([once(child, 'message'), exited])
  exited.catch(() => {})
  return {
    port,
    stderr: () => stderr,
    async ask(message) {
      child.send(message)
      const [answer] = await once(child, 'message')
      return answer
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill()
      await once(child, 'exit')
    },
  }
}

/** A TCP port free on 127.0.0.1 right now (for servers that must be told their port). */
export async function freePort() {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address()
  server.close()
  await once(server, 'close')
  return port
}
