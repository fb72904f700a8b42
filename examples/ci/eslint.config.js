import finops from '@finops-ai/eslint-plugin'
import typescriptParser from '@typescript-eslint/parser'

export default [
  { files: ['**/*.ts'], languageOptions: { parser: typescriptParser } },
  finops.configs.recommended,
]
