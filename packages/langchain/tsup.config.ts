import { packageBuild } from '../../tsup.shared.js'

export default packageBuild(['src/index.ts', 'src/openai/index.ts', 'src/anthropic/index.ts'])
