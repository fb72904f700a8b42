// Public API reports: one api-extractor report per package entry point (`packages/<name>/api/*.api.md`),
// generated from the built type declarations. `node test/api-reports.mjs` checks that every committed
// report matches the built surface (exit 1 and the differing files when not); `--update` rewrites them.
// Needs the packages built first (`pnpm build`).
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import apiExtractor from '@microsoft/api-extractor'

const { Extractor, ExtractorConfig } = apiExtractor
const root = fileURLToPath(new URL('..', import.meta.url))
const update = process.argv.includes('--update')

/** Every entry point of every published package, with the declaration file it resolves to. */
function entryPoints() {
  const entries = []
  for (const directory of readdirSync(join(root, 'packages'))) {
    const packageFolder = join(root, 'packages', directory)
    const manifest = JSON.parse(readFileSync(join(packageFolder, 'package.json'), 'utf8'))
    if (manifest.private) continue
    for (const [subpath, conditions] of Object.entries(manifest.exports)) {
      const types = conditions?.import?.types
      if (!types) continue
      const suffix = subpath === '.' ? '' : `-${subpath.slice(2).replaceAll('/', '-')}`
      entries.push({ packageFolder, directory, declarations: join(packageFolder, types), reportName: `${directory}${suffix}.api.md` })
    }
  }
  return entries
}

const changed = []
for (const entry of entryPoints()) {
  if (!existsSync(entry.declarations)) throw new Error(`${entry.declarations} is missing: run the build first`)
  const reportFolder = join(entry.packageFolder, 'api')
  const reportTempFolder = join(tmpdir(), 'finops-api-reports', entry.directory)
  mkdirSync(reportFolder, { recursive: true })
  mkdirSync(reportTempFolder, { recursive: true })
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: entry.packageFolder,
      mainEntryPointFilePath: entry.declarations,
      compiler: { overrideTsconfig: { compilerOptions: { lib: ['ES2022'], types: ['node'], skipLibCheck: true }, files: [entry.declarations] } },
      apiReport: { enabled: true, reportFileName: entry.reportName, reportFolder, reportTempFolder },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        extractorMessageReporting: { default: { logLevel: 'none' } },
        compilerMessageReporting: { default: { logLevel: 'none' } },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: join(entry.packageFolder, 'package.json'),
  })
  const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false, messageCallback: (message) => (message.handled = true) })
  if (result.apiReportChanged && !update) changed.push(join('packages', entry.directory, 'api', entry.reportName))
}

if (changed.length > 0) {
  console.error(`The public API changed; review it and run \`node test/api-reports.mjs --update\` to accept:\n  ${changed.join('\n  ')}`)
  process.exit(1)
}
console.log(update ? 'API reports updated.' : 'API reports match the built declarations.')
