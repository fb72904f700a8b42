import { createServer, type Server } from 'node:net'
import { describe, expect, it } from 'vitest'
import { freeClusterPort, freePort } from './redis-process-control.js'

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()))

describe('ports for throwaway Redis processes', () => {
  it('freePort gives a port that can be listened on', async () => {
    const server = await listen(await freePort())
    await close(server)
  })

  it('freeClusterPort gives a node port whose cluster bus port (+10000) is at most 65535 and free, both listenable', async () => {
    for (let index = 0; index < 20; index += 1) {
      const port = await freeClusterPort()
      expect(port + 10_000).toBeLessThanOrEqual(65_535)
      const servers = [await listen(port), await listen(port + 10_000)]
      await Promise.all(servers.map(close))
    }
  })
})
