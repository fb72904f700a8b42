import { Cluster, Redis } from 'ioredis'
import { createClient, createCluster } from 'redis'
import { createClient as createClientV4, createCluster as createClusterV4 } from 'redis-v4'
import { createClient as createClientV5, createCluster as createClusterV5 } from 'redis-v5'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { isNodeRedisCluster, nodeRedisClusterScriptClient, type NodeRedisClusterCommands } from './node-redis-cluster-script-client.js'

const rootNodes = [{ socket: { host: '127.0.0.1', port: 1 } }]

describe('isNodeRedisCluster', () => {
  it('is true for createCluster() of node-redis v4, v5 and v6, false for their clients and for ioredis', () => {
    expect([createClusterV4({ rootNodes }), createClusterV5({ rootNodes }), createCluster({ rootNodes })].map(isNodeRedisCluster)).toEqual([true, true, true])
    expect([createClientV4(), createClientV5(), createClient()].map(isNodeRedisCluster)).toEqual([false, false, false])
    const ioredis = [new Redis({ lazyConnect: true }), new Cluster([{ host: '127.0.0.1', port: 1 }], { lazyConnect: true })]
    expect(ioredis.map(isNodeRedisCluster)).toEqual([false, false])
  })

  it('types node-redis clusters of every major as NodeRedisClusterCommands', () => {
    expectTypeOf<ReturnType<typeof createCluster>>().toMatchTypeOf<NodeRedisClusterCommands>()
    expectTypeOf<ReturnType<typeof createClusterV5>>().toMatchTypeOf<NodeRedisClusterCommands>()
    expectTypeOf<ReturnType<typeof createClusterV4>>().toMatchTypeOf<NodeRedisClusterCommands>()
  })
})

describe('nodeRedisClusterScriptClient', () => {
  it('sends EVALSHA and EVAL to the master of the first key, keys and arguments flattened in order', async () => {
    const sent: unknown[][] = []
    const cluster: NodeRedisClusterCommands = {
      masters: [],
      sendCommand: async (firstKey, isReadonly, args) => sent.push([firstKey, isReadonly, args]),
    }
    const client = nodeRedisClusterScriptClient(cluster)
    await client.evalSha('sha', ['{p}:a', '{p}:b'], ['1'])
    await client.eval('return 1', ['{p}:a'], ['1', '2'])
    expect(sent).toEqual([
      ['{p}:a', false, ['EVALSHA', 'sha', '2', '{p}:a', '{p}:b', '1']],
      ['{p}:a', false, ['EVAL', 'return 1', '1', '{p}:a', '1', '2']],
    ])
  })
})
