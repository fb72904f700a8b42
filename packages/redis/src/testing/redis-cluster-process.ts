// A throwaway Redis Cluster for tests: exported from `@finops-ai/redis/testing`.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freeClusterPort, redisCli, waitFor } from './redis-process-control.js'

/** Options of {@link startRedisCluster}. */
export interface RedisClusterOptions {
  /** Master nodes; the 16,384 slots are split evenly between them. Default 3 (Redis's minimum). */
  masters?: number
  /** Replicas of each master. Default 1. */
  replicasPerMaster?: number
}

/** One node of a {@link RedisClusterProcess}. */
export interface RedisClusterNode {
  readonly host: string
  readonly port: number
}

/** A local Redis Cluster of `redis-server` child processes on loopback ports, without persistence. */
export interface RedisClusterProcess {
  /** Every node, masters and replicas: what a cluster client takes as its startup nodes. */
  readonly startupNodes: RedisClusterNode[]
  /** The node currently serving `slot` (0–16383), as the cluster itself reports it. */
  masterOf(slot: number): Promise<RedisClusterNode>
  /**
   * Promotes a replica of `slot`'s master with `CLUSTER FAILOVER` (a planned failover: the old
   * master becomes a replica), once that replica has synced with its master, and waits until
   * every node agrees on the new master.
   */
  failover(slot: number): Promise<RedisClusterNode>
  /**
   * Moves `slot` with its keys to another master (`MIGRATING`/`IMPORTING`, `MIGRATE` in batches of
   * `batch` keys, then `SETSLOT NODE` on every master), as `redis-cli --cluster reshard` does.
   */
  migrateSlot(slot: number, batch?: number): Promise<RedisClusterNode>
  /**
   * Starts moving `slot` to another master (`IMPORTING` on it, `MIGRATING` on the current one) and
   * leaves the keys where they are, so a test can hold the slot half-migrated: move chosen keys,
   * observe clients meanwhile, then {@link RedisSlotMigration.finish | finish}.
   */
  startSlotMigration(slot: number): Promise<RedisSlotMigration>
  /**
   * How many error replies starting with `code` (e.g. `'TRYAGAIN'`) `node` has sent since it
   * started (`INFO errorstats`): a test waits for it to grow to know a client met that reply.
   */
  errorReplies(node: RedisClusterNode, code: string): Promise<number>
  /** Kills every node and deletes the cluster's temporary directory. */
  stop(): Promise<void>
}

/** A slot being moved from one master to another, from {@link RedisClusterProcess.startSlotMigration}. */
export interface RedisSlotMigration {
  /** The master the slot and its keys move away from. */
  readonly source: RedisClusterNode
  /** The master that receives them. */
  readonly target: RedisClusterNode
  /** Up to `count` keys of the slot still on the source (`CLUSTER GETKEYSINSLOT`). */
  keysLeft(count: number): Promise<string[]>
  /** Moves `keys` (of the slot, on the source) to the target in one `MIGRATE … KEYS`. */
  moveKeys(keys: readonly string[]): Promise<void>
  /**
   * Moves the remaining keys in batches of `batch` (default 100), assigns the slot to the target
   * on every master (`SETSLOT NODE`), and waits until every node sees the target as its master.
   */
  finish(batch?: number): Promise<RedisClusterNode>
}

const binary = process.env.REDIS_SERVER_BIN ?? 'redis-server'

interface Node extends RedisClusterNode {
  readonly child: ChildProcess
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()))
}

/**
 * Starts one cluster node on a free port and waits until it answers PING. A node that exits first
 * (its port taken in the meantime by another process) is started again on another port, up to
 * three times.
 */
async function launch(dir: string): Promise<Node> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freeClusterPort()
    const child = spawn(
      binary,
      ['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', join(dir, `nodes-${port}.conf`), '--cluster-node-timeout', '2000', '--save', '', '--appendonly', 'no', '--dir', dir],
      { stdio: 'ignore' },
    )
    try {
      await waitFor(`redis-server on port ${port} answers PING`, async () => {
        if (child.exitCode !== null) throw new Error(`redis-server on port ${port} exited with code ${child.exitCode}`)
        return (await redisCli(port, ['PING']).catch(() => '')) === 'PONG'
      })
      return { host: '127.0.0.1', port, child }
    } catch (error) {
      const exitedByItself = child.exitCode !== null
      child.kill('SIGKILL')
      if (!exitedByItself || attempt === 3) throw error
    }
  }
}

interface SlotOwner {
  port: number
  id: string
}

function portOf(address: string): number {
  return Number(address.slice(address.lastIndexOf(':') + 1).split('@')[0])
}

async function nodeRows(port: number): Promise<{ id: string; port: number; flags: string; masterId: string; ranges: string[] }[]> {
  return (await redisCli(port, ['CLUSTER', 'NODES']))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [id = '', address = '', flags = '', masterId = '', , , , , ...ranges] = line.split(' ')
      return { id, port: portOf(address), flags, masterId, ranges }
    })
}

async function masterServing(port: number, slot: number): Promise<SlotOwner> {
  for (const row of await nodeRows(port)) {
    if (!row.flags.includes('master') || row.flags.includes('fail')) continue
    for (const range of row.ranges) {
      if (range.startsWith('[')) continue
      const [from = -1, to = from] = range.split('-').map(Number)
      if (slot >= from && slot <= to) return { port: row.port, id: row.id }
    }
  }
  throw new Error(`no master serves slot ${slot}`)
}

/**
 * Starts `masters × (1 + replicasPerMaster)` nodes with `cluster-enabled yes`, joins them with
 * `redis-cli --cluster create … --cluster-yes`, and waits until every node reports
 * `cluster_state:ok` and knows every other node, and every replica has synced with its master.
 * Needs `redis-server` and `redis-cli` (Debian package redis-server); `REDIS_SERVER_BIN`
 * overrides the server binary.
 */
export async function startRedisCluster(options: RedisClusterOptions = {}): Promise<RedisClusterProcess> {
  const masters = options.masters ?? 3
  const replicas = options.replicasPerMaster ?? 1
  const dir = await mkdtemp(join(tmpdir(), 'finops-redis-cluster-'))
  const nodes: Node[] = []
  const killAll = () => nodes.forEach((node) => node.child.kill('SIGKILL'))
  process.once('exit', killAll)
  const stop = async (): Promise<void> => {
    killAll()
    await Promise.all(nodes.map((node) => exited(node.child)))
    process.removeListener('exit', killAll)
    await rm(dir, { recursive: true, force: true })
  }

  try {
    for (let index = 0; index < masters * (1 + replicas); index += 1) nodes.push(await launch(dir))
    const first = nodes[0]
    if (first === undefined) throw new Error('startRedisCluster needs at least one node')
    await redisCli(first.port, ['--cluster', 'create', ...nodes.map((node) => `${node.host}:${node.port}`), '--cluster-replicas', String(replicas), '--cluster-yes'])
    await waitForAgreement(nodes, masters)
    await waitForReplication(nodes)
  } catch (error) {
    await stop()
    throw error
  }

  const byPort = (port: number): RedisClusterNode => {
    const node = nodes.find((candidate) => candidate.port === port)
    if (node === undefined) throw new Error(`no node on port ${port}`)
    return { host: node.host, port: node.port }
  }
  const anyPort = (): number => nodes[0]?.port ?? 0
  const startSlotMigration = async (slot: number): Promise<RedisSlotMigration> => {
    const source = await masterServing(anyPort(), slot)
    const target = (await nodeRows(source.port)).find((row) => row.flags.includes('master') && !row.flags.includes('fail') && row.ranges.length > 0 && row.id !== source.id)
    if (target === undefined) throw new Error(`no other master to move slot ${slot} to`)
    await redisCli(target.port, ['CLUSTER', 'SETSLOT', String(slot), 'IMPORTING', source.id])
    await redisCli(source.port, ['CLUSTER', 'SETSLOT', String(slot), 'MIGRATING', target.id])
    const keysLeft = async (count: number): Promise<string[]> =>
      (await redisCli(source.port, ['CLUSTER', 'GETKEYSINSLOT', String(slot), String(count)])).split('\n').filter((key) => key !== '')
    const moveKeys = async (keys: readonly string[]): Promise<void> => {
      if (keys.length > 0) await redisCli(source.port, ['MIGRATE', '127.0.0.1', String(target.port), '', '0', '5000', 'REPLACE', 'KEYS', ...keys])
    }
    return {
      source: byPort(source.port),
      target: byPort(target.port),
      keysLeft,
      moveKeys,
      finish: async (batch = 100) => {
        for (let keys = await keysLeft(batch); keys.length > 0; keys = await keysLeft(batch)) await moveKeys(keys)
        const masterPorts = (await nodeRows(source.port)).filter((row) => row.flags.includes('master') && !row.flags.includes('fail')).map((row) => row.port)
        await redisCli(target.port, ['CLUSTER', 'SETSLOT', String(slot), 'NODE', target.id])
        await redisCli(source.port, ['CLUSTER', 'SETSLOT', String(slot), 'NODE', target.id])
        for (const port of masterPorts) await redisCli(port, ['CLUSTER', 'SETSLOT', String(slot), 'NODE', target.id])
        await waitFor(`every node sees port ${target.port} as the master of slot ${slot}`, async () => {
          for (const node of nodes) if ((await masterServing(node.port, slot).catch(() => undefined))?.port !== target.port) return false
          return true
        })
        return byPort(target.port)
      },
    }
  }

  return {
    startupNodes: nodes.map((node) => ({ host: node.host, port: node.port })),
    masterOf: async (slot) => byPort((await masterServing(anyPort(), slot)).port),
    failover: async (slot) => {
      const master = await masterServing(anyPort(), slot)
      const replica = (await nodeRows(master.port)).find((row) => row.masterId === master.id && !row.flags.includes('fail'))
      if (replica === undefined) throw new Error(`slot ${slot}'s master has no replica to promote`)
      // A replica still in its initial sync would make the master wait beyond the manual
      // failover's 5 s pause; then writes it accepted meanwhile are lost in the promotion.
      await waitForReplication(nodes.filter((node) => node.port === replica.port))
      await redisCli(replica.port, ['CLUSTER', 'FAILOVER'])
      await waitFor(`every node sees port ${replica.port} as the master of slot ${slot}`, async () => {
        for (const node of nodes) if ((await masterServing(node.port, slot).catch(() => undefined))?.port !== replica.port) return false
        return true
      })
      await waitForAgreement(nodes, masters)
      return byPort(replica.port)
    },
    migrateSlot: async (slot, batch) => (await startSlotMigration(slot)).finish(batch),
    startSlotMigration,
    errorReplies: async (node, code) => {
      const info = await redisCli(node.port, ['INFO', 'errorstats'])
      return Number(new RegExp(`^errorstat_${code}:count=(\\d+)`, 'm').exec(info)?.[1] ?? 0)
    },
    stop,
  }
}

async function waitForReplication(nodes: readonly Node[]): Promise<void> {
  await waitFor('every replica has synced with its master (master_link_status:up)', async () => {
    for (const node of nodes) {
      const info = await redisCli(node.port, ['INFO', 'replication']).catch(() => '')
      if (!info.includes('role:master') && !info.includes('master_link_status:up')) return false
    }
    return true
  })
}

async function waitForAgreement(nodes: readonly Node[], masters: number): Promise<void> {
  await waitFor(`every node of the cluster reports cluster_state:ok and sees ${masters} masters among ${nodes.length} nodes`, async () => {
    for (const node of nodes) {
      const info = await redisCli(node.port, ['CLUSTER', 'INFO']).catch(() => '')
      if (!info.includes('cluster_state:ok') || !info.includes(`cluster_known_nodes:${nodes.length}`)) return false
      const rows = await nodeRows(node.port).catch(() => [])
      if (rows.filter((row) => row.flags.includes('master')).length !== masters) return false
    }
    return true
  })
}
