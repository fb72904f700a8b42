import typescriptParser from '@typescript-eslint/parser'
import { RuleTester } from 'eslint'
import { describe, it } from 'vitest'
import { requireFinOpsWrapper } from './require-finops-wrapper.js'

RuleTester.describe = describe
RuleTester.it = it
RuleTester.itOnly = it.only

const tester = new RuleTester({ languageOptions: { parser: typescriptParser, sourceType: 'module' } })
const unwrapped = { messageId: 'unwrapped', data: { client: 'OpenAI', module: '@finops-ai/openai' } }

describe('require-finops-wrapper on TypeScript', () => {
  tester.run('require-finops-wrapper', requireFinOpsWrapper, {
    valid: [
      {
        name: 'a typed client wrapped at construction',
        code: "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nconst c: OpenAI = withFinOps(new OpenAI())",
      },
      {
        name: 'a client given to withFinOps() through a type assertion',
        code: "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nconst raw = new OpenAI() as OpenAI\nexport const c = withFinOps(raw!)\ntype Raw = typeof raw",
      },
      {
        name: 'an AI SDK model given to withFinOps() through a type assertion',
        code: "import { openai } from '@ai-sdk/openai'\nimport type { LanguageModel } from 'ai'\nimport { withFinOps } from '@finops-ai/ai-sdk'\nexport const model: LanguageModel = withFinOps(openai('gpt-4o') as LanguageModel)",
      },
      {
        name: 'type-only imports of LangChain classes and AI SDK providers',
        code: "import type { ChatOpenAI } from '@langchain/openai'\nimport { type OpenAIProvider } from '@ai-sdk/openai'\nlet model: ChatOpenAI\nlet provider: OpenAIProvider",
      },
      {
        name: 'a type-only import, which cannot be constructed',
        code: "import type OpenAI from 'openai'\nimport { type Anthropic } from '@anthropic-ai/sdk'\nlet a: OpenAI\nlet b: Anthropic",
      },
    ],
    invalid: [
      {
        name: 'autofixes a typed const client used through member accesses',
        code: "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nconst c: OpenAI = new OpenAI()\nawait c.chat.completions.create({ model: 'gpt-4o', messages: [] })",
        output:
          "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nconst c: OpenAI = withFinOps(new OpenAI())\nawait c.chat.completions.create({ model: 'gpt-4o', messages: [] })",
        errors: [{ ...unwrapped, line: 3, column: 19 }],
      },
      {
        name: 'suggests importing withFinOps for a typed client',
        code: "import OpenAI from 'openai'\nconst c: OpenAI = new OpenAI()\nc!.models.list()",
        output: null,
        errors: [
          {
            ...unwrapped,
            suggestions: [
              {
                messageId: 'importAndWrap',
                data: { client: 'OpenAI', module: '@finops-ai/openai' },
                output: "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nconst c: OpenAI = withFinOps(new OpenAI())\nc!.models.list()",
              },
            ],
          },
        ],
      },
      {
        name: 'flags a typed LangChain model built with new',
        code: "import { ChatAnthropic } from '@langchain/anthropic'\nconst model = new ChatAnthropic({ model: 'claude-sonnet-4-5' }) satisfies object",
        errors: [
          {
            messageId: 'unbuiltLangChain',
            data: { client: 'ChatAnthropic', builder: 'finopsChatAnthropic', module: '@finops-ai/langchain/anthropic' },
            suggestions: [
              {
                messageId: 'importAndUseBuilder',
                data: { client: 'ChatAnthropic', builder: 'finopsChatAnthropic', module: '@finops-ai/langchain/anthropic' },
                output:
                  "import { ChatAnthropic } from '@langchain/anthropic'\nimport { finopsChatAnthropic } from '@finops-ai/langchain/anthropic'\nconst model = finopsChatAnthropic({ model: 'claude-sonnet-4-5' }) satisfies object",
              },
            ],
          },
        ],
      },
      {
        name: 'flags a client held in a constructor parameter property',
        code: "import OpenAI from 'openai'\nclass Service { constructor(private readonly client: OpenAI = new OpenAI()) {} }",
        errors: [
          {
            ...unwrapped,
            suggestions: [
              {
                messageId: 'importAndWrap',
                data: { client: 'OpenAI', module: '@finops-ai/openai' },
                output:
                  "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nclass Service { constructor(private readonly client: OpenAI = withFinOps(new OpenAI())) {} }",
              },
            ],
          },
        ],
      },
    ],
  })
})
