// Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self time by function and by package,
// and inclusive time of the functions of a chosen package.
//   node bench/lib/profile-summary.mjs <file.cpuprofile> [--top=25] [--focus=@finops-ai]
import { readFileSync } from 'node:fs'

const [file, ...flags] = process.argv.slice(2)
const top = Number(flags.find((flag) => flag.startsWith('--top='))?.slice(6) ?? 25)
const focus = flags.find((flag) => flag.startsWith('--focus='))?.slice(8) ?? 'packages/'
const profile = JSON.parse(readFileSync(file, 'utf8'))
const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
const parent = new Map()
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)

// Time of each sample: the gap to the next one (µs).
const selfUs = new Map()
for (let index = 0; index < profile.samples.length; index++) {
  const delta = profile.timeDeltas[index + 1] ?? 0
  selfUs.set(profile.samples[index], (selfUs.get(profile.samples[index]) ?? 0) + delta)
}
const total = [...selfUs.values()].reduce((sum, value) => sum + value, 0)

const packageOf = (url) => {
  if (!url) return '(native/vm)'
  const pnpm = url.match(/node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/)
  if (pnpm) return pnpm[1]
  const workspace = url.match(/\/(packages\/[^/]+)\//)
  if (workspace) return workspace[1]
  if (url.startsWith('node:')) return 'node:internal'
  return url.replace(/^file:\/\/\/work\/main\//, '')
}
const label = (node) => {
  const frame = node.callFrame
  return `${frame.functionName || '(anonymous)'} ${packageOf(frame.url)}:${frame.lineNumber + 1}`
}

const bySelf = new Map()
const byPackage = new Map()
for (const [id, us] of selfUs) {
  const node = nodes.get(id)
  bySelf.set(label(node), (bySelf.get(label(node)) ?? 0) + us)
  const pkg = packageOf(node.callFrame.url)
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us)
}

// Inclusive time of frames whose url contains `focus` (counted once per sample stack).
const inclusive = new Map()
for (const [id, us] of selfUs) {
  const seen = new Set()
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const node = nodes.get(at)
    if (!node.callFrame.url.includes(focus)) continue
    const name = label(node)
    if (seen.has(name)) continue
    seen.add(name)
    inclusive.set(name, (inclusive.get(name) ?? 0) + us)
  }
}

const print = (title, map) => {
  console.log(`\n## ${title}`)
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`)
  }
}
console.log(`total sampled: ${(total / 1000).toFixed(0)} ms`)
print('self time by package', byPackage)
print('self time by function', bySelf)
print(`inclusive time of functions under "${focus}"`, inclusive)
