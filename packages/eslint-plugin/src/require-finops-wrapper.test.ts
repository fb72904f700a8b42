import { RuleTester } from 'eslint'
import { describe, it } from 'vitest'
import { requireFinOpsWrapper } from './require-finops-wrapper.js'

RuleTester.describe = describe
RuleTester.it = it
RuleTester.itOnly = it.only

const tester = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } })
const commonjs = { sourceType: 'commonjs' } as const

const unwrapped = (client: string, module = '@finops-ai/openai') => ({ messageId: 'unwrapped', data: { client, module } })
const exported = (client: string, module = '@finops-ai/openai') => ({ messageId: 'exportedUnwrapped', data: { client, module } })
const importAndWrap = (output: string, client = 'OpenAI', module = '@finops-ai/openai') => ({
  messageId: 'importAndWrap',
  data: { client, module },
  output,
})
const wrapWith = (wrapper: string, output: string, client = 'OpenAI', module = '@finops-ai/openai') => ({
  messageId: 'wrap',
  data: { client, module, wrapper },
  output,
})

describe('require-finops-wrapper', () => {
  tester.run('require-finops-wrapper', requireFinOpsWrapper, {
    valid: [
      {
        name: 'a client constructed inside withFinOps()',
        code: "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nconst client = withFinOps(new OpenAI())",
      },
      {
        name: 'a client variable used only as the withFinOps() argument',
        code: "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nconst raw = new OpenAI()\nconst client = withFinOps(raw, { attribution: { team: 'search' } })\nclient.chat",
      },
      {
        name: 'an aliased wrapper and an aliased client class',
        code: "import Client from '@anthropic-ai/sdk'\nimport { withFinOps as wrap } from '@finops-ai/anthropic'\nexport const client = wrap(new Client({ apiKey }))",
      },
      {
        name: 'a wrapper reached through a namespace import',
        code: "import { AzureOpenAI } from 'openai'\nimport * as finops from '@finops-ai/openai'\nexport default finops.withFinOps(new AzureOpenAI())",
      },
      {
        name: 'a wrapper from require() in CommonJS',
        code: "const OpenAI = require('openai')\nconst { withFinOps } = require('@finops-ai/openai')\nmodule.exports = withFinOps(new OpenAI())",
        languageOptions: commonjs,
      },
      {
        name: 'a conditional choosing between two clients inside withFinOps()',
        code: "import OpenAI, { AzureOpenAI } from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nconst client = withFinOps(azure ? new AzureOpenAI() : new OpenAI())",
      },
      {
        name: 'a local class that shadows nothing from the SDK',
        code: 'class OpenAI {}\nconst client = new OpenAI()\nclient.chat',
      },
      {
        name: 'an OpenAI class imported from a module that is not the SDK',
        code: "import { OpenAI } from './my-openai'\nconst client = new OpenAI()\nclient.chat",
      },
      {
        name: 'a local declaration shadowing the imported SDK class',
        code: "import OpenAI from 'openai'\nfunction build(OpenAI) { return new OpenAI() }",
      },
      {
        name: 'a non-client export of the SDK',
        code: "import { APIError } from 'openai'\nthrow new APIError()",
      },
      {
        name: 'a locally declared require() in a CommonJS file',
        code: "function require(name) { return class {} }\nconst OpenAI = require('openai')\nconst client = new OpenAI()\nclient.chat",
        languageOptions: commonjs,
      },
      {
        name: 're-exporting modules not listed in additionalModules',
        code: "import { OpenAI } from './sdk'\nexport const client = new OpenAI()",
      },
    ],
    invalid: [
      {
        name: 'autofixes a const client used only through member accesses when withFinOps is imported',
        code: "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nconst client = new OpenAI({ apiKey })\nawait client.chat.completions.create({ model })",
        output: "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nconst client = withFinOps(new OpenAI({ apiKey }))\nawait client.chat.completions.create({ model })",
        errors: [{ ...unwrapped('OpenAI'), line: 3, column: 16 }],
      },
      {
        name: 'autofixes with the local alias of withFinOps',
        code: "import Anthropic from '@anthropic-ai/sdk'\nimport { withFinOps as wrap } from '@finops-ai/anthropic'\nconst claude = new Anthropic()\nclaude.messages.create({})",
        output: "import Anthropic from '@anthropic-ai/sdk'\nimport { withFinOps as wrap } from '@finops-ai/anthropic'\nconst claude = wrap(new Anthropic())\nclaude.messages.create({})",
        errors: [unwrapped('Anthropic', '@finops-ai/anthropic')],
      },
      {
        name: 'autofixes through a namespace import of the wrapper package',
        code: "import { OpenAI } from 'openai'\nimport * as finops from '@finops-ai/openai'\nconst client = new OpenAI()\nclient.responses.create({})",
        output: "import { OpenAI } from 'openai'\nimport * as finops from '@finops-ai/openai'\nconst client = finops.withFinOps(new OpenAI())\nclient.responses.create({})",
        errors: [unwrapped('OpenAI')],
      },
      {
        name: "does not fix with the other provider's withFinOps, nor offer an import whose name would clash",
        code: "import Anthropic from '@anthropic-ai/sdk'\nimport { withFinOps } from '@finops-ai/openai'\nconst claude = new Anthropic()\nclaude.messages",
        output: null,
        errors: [{ ...unwrapped('Anthropic', '@finops-ai/anthropic'), suggestions: [] }],
      },
      {
        name: 'suggests importing withFinOps when it is not imported (no autofix)',
        code: "import OpenAI from 'openai';\nconst client = new OpenAI();\nclient.chat;",
        output: null,
        errors: [
          {
            ...unwrapped('OpenAI'),
            suggestions: [
              importAndWrap(
                "import OpenAI from 'openai';\nimport { withFinOps } from '@finops-ai/openai';\nconst client = withFinOps(new OpenAI());\nclient.chat;",
              ),
            ],
          },
        ],
      },
      {
        name: 'suggests (does not autofix) when the client is passed on rather than used through members',
        code: "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nconst client = new OpenAI()\nregister(client)",
        output: null,
        errors: [
          {
            ...unwrapped('OpenAI'),
            suggestions: [
              wrapWith(
                'withFinOps',
                "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nconst client = withFinOps(new OpenAI())\nregister(client)",
              ),
            ],
          },
        ],
      },
      {
        name: 'flags a raw client that is wrapped but also used directly',
        code: "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nconst raw = new OpenAI()\nconst client = withFinOps(raw)\nraw.chat",
        output: null,
        errors: [
          {
            ...unwrapped('OpenAI'),
            suggestions: [
              wrapWith(
                'withFinOps',
                "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nconst raw = withFinOps(new OpenAI())\nconst client = withFinOps(raw)\nraw.chat",
              ),
            ],
          },
        ],
      },
      {
        name: 'flags a named import under an alias',
        code: "import { OpenAI as LLM } from 'openai'\nnew LLM().chat",
        errors: [{ ...unwrapped('OpenAI'), suggestions: [importAndWrap("import { OpenAI as LLM } from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nwithFinOps(new LLM()).chat")] }],
      },
      {
        name: 'flags AzureOpenAI as an OpenAI client',
        code: 'import { AzureOpenAI } from "openai"\nuse(new AzureOpenAI())',
        errors: [
          {
            ...unwrapped('AzureOpenAI'),
            suggestions: [
              importAndWrap('import { AzureOpenAI } from "openai"\nimport { withFinOps } from "@finops-ai/openai"\nuse(withFinOps(new AzureOpenAI()))', 'AzureOpenAI'),
            ],
          },
        ],
      },
      {
        name: 'flags a named Anthropic import',
        code: "import { Anthropic } from '@anthropic-ai/sdk'\nuse(new Anthropic())",
        errors: [
          {
            ...unwrapped('Anthropic', '@finops-ai/anthropic'),
            suggestions: [
              importAndWrap(
                "import { Anthropic } from '@anthropic-ai/sdk'\nimport { withFinOps } from '@finops-ai/anthropic'\nuse(withFinOps(new Anthropic()))",
                'Anthropic',
                '@finops-ai/anthropic',
              ),
            ],
          },
        ],
      },
      {
        name: 'flags a class reached through a namespace import',
        code: "import * as sdk from 'openai'\nuse(new sdk.OpenAI(), new sdk['AzureOpenAI'](), new sdk.default())",
        errors: [
          { ...unwrapped('OpenAI'), suggestions: [importAndWrap("import * as sdk from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nuse(withFinOps(new sdk.OpenAI()), new sdk['AzureOpenAI'](), new sdk.default())")] },
          {
            ...unwrapped('AzureOpenAI'),
            suggestions: [importAndWrap("import * as sdk from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nuse(new sdk.OpenAI(), withFinOps(new sdk['AzureOpenAI']()), new sdk.default())", 'AzureOpenAI')],
          },
          { ...unwrapped('OpenAI'), suggestions: [importAndWrap("import * as sdk from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nuse(new sdk.OpenAI(), new sdk['AzureOpenAI'](), withFinOps(new sdk.default()))")] },
        ],
      },
      {
        name: 'flags an aliased class from a const alias',
        code: "import OpenAI from 'openai'\nconst Client = OpenAI\nuse(new Client())",
        errors: [{ ...unwrapped('OpenAI'), suggestions: [importAndWrap("import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nconst Client = OpenAI\nuse(withFinOps(new Client()))")] }],
      },
      {
        name: 'flags CommonJS require() in its forms, without suggestions (no import can be added)',
        code: [
          "const OpenAI = require('openai')",
          "const { AzureOpenAI, default: Default } = require('openai')",
          "const Claude = require('@anthropic-ai/sdk').Anthropic",
          'use(new OpenAI(), new OpenAI.OpenAI(), new AzureOpenAI(), new Default(), new Claude(), new (require("openai"))())',
        ].join('\n'),
        languageOptions: commonjs,
        errors: [
          { ...unwrapped('OpenAI'), suggestions: [] },
          { ...unwrapped('OpenAI'), suggestions: [] },
          { ...unwrapped('AzureOpenAI'), suggestions: [] },
          { ...unwrapped('OpenAI'), suggestions: [] },
          { ...unwrapped('Anthropic', '@finops-ai/anthropic'), suggestions: [] },
          { ...unwrapped('OpenAI'), suggestions: [] },
        ],
      },
      {
        name: 'flags clients imported from the SDK subpath modules',
        code: "import { AzureOpenAI } from 'openai/azure'\nimport { Anthropic } from '@anthropic-ai/sdk/client'\nconst withFinOps = 0\nuse(new AzureOpenAI(), new Anthropic())",
        errors: [
          { ...unwrapped('AzureOpenAI'), suggestions: [] },
          { ...unwrapped('Anthropic', '@finops-ai/anthropic'), suggestions: [] },
        ],
      },
      {
        name: 'flags and autofixes a client class from an awaited dynamic import',
        code: "const { OpenAI } = await import('openai')\nconst { withFinOps } = await import('@finops-ai/openai')\nconst client = new OpenAI()\nclient.chat",
        output: "const { OpenAI } = await import('openai')\nconst { withFinOps } = await import('@finops-ai/openai')\nconst client = withFinOps(new OpenAI())\nclient.chat",
        errors: [unwrapped('OpenAI')],
      },
      {
        name: 'flags an unwrapped client exported with module.exports',
        code: "const OpenAI = require('openai')\nconst { withFinOps } = require('@finops-ai/openai')\nmodule.exports.client = new OpenAI()",
        languageOptions: commonjs,
        errors: [
          {
            ...exported('OpenAI'),
            suggestions: [
              wrapWith(
                'withFinOps',
                "const OpenAI = require('openai')\nconst { withFinOps } = require('@finops-ai/openai')\nmodule.exports.client = withFinOps(new OpenAI())",
              ),
            ],
          },
        ],
      },
      {
        name: 'flags an exported const client and does not autofix it',
        code: "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nexport const client = new OpenAI()",
        output: null,
        errors: [
          {
            ...exported('OpenAI'),
            suggestions: [
              wrapWith('withFinOps', "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nexport const client = withFinOps(new OpenAI())"),
            ],
          },
        ],
      },
      {
        name: 'flags a default-exported client',
        code: "import OpenAI from 'openai'\nexport default new OpenAI()",
        errors: [{ ...exported('OpenAI'), suggestions: [importAndWrap("import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nexport default withFinOps(new OpenAI())")] }],
      },
      {
        name: 'flags a client exported by name later, even when it is also wrapped',
        code: "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nconst raw = new OpenAI()\nexport const client = withFinOps(raw)\nexport { raw }",
        errors: [
          {
            ...exported('OpenAI'),
            suggestions: [
              wrapWith(
                'withFinOps',
                "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nconst raw = withFinOps(new OpenAI())\nexport const client = withFinOps(raw)\nexport { raw }",
              ),
            ],
          },
        ],
      },
      {
        name: 'flags a client in a class field and one returned from a factory',
        code: "import Anthropic from '@anthropic-ai/sdk'\nclass Service { client = new Anthropic() }\nfunction create() { return new Anthropic() }",
        errors: [
          {
            ...unwrapped('Anthropic', '@finops-ai/anthropic'),
            suggestions: [
              importAndWrap(
                "import Anthropic from '@anthropic-ai/sdk'\nimport { withFinOps } from '@finops-ai/anthropic'\nclass Service { client = withFinOps(new Anthropic()) }\nfunction create() { return new Anthropic() }",
                'Anthropic',
                '@finops-ai/anthropic',
              ),
            ],
          },
          {
            ...unwrapped('Anthropic', '@finops-ai/anthropic'),
            suggestions: [
              importAndWrap(
                "import Anthropic from '@anthropic-ai/sdk'\nimport { withFinOps } from '@finops-ai/anthropic'\nclass Service { client = new Anthropic() }\nfunction create() { return withFinOps(new Anthropic()) }",
                'Anthropic',
                '@finops-ai/anthropic',
              ),
            ],
          },
        ],
      },
      {
        name: 'flags a client whose variable is reassigned to its wrapped self (the rule does not follow reassignments)',
        code: "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nlet client = new OpenAI()\nclient = withFinOps(client)\nclient.chat",
        output: null,
        errors: [
          {
            ...unwrapped('OpenAI'),
            suggestions: [
              wrapWith(
                'withFinOps',
                "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nlet client = withFinOps(new OpenAI())\nclient = withFinOps(client)\nclient.chat",
              ),
            ],
          },
        ],
      },
      {
        name: 'does not offer the import when the name withFinOps is taken',
        code: "import OpenAI from 'openai'\nconst withFinOps = (client) => client\nuse(new OpenAI())",
        errors: [{ ...unwrapped('OpenAI'), suggestions: [] }],
      },
      {
        name: 'does not autofix when the wrapper import is shadowed at the call site',
        code: "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nfunction make(withFinOps) { const client = new OpenAI(); return client.chat }",
        output: null,
        errors: [{ ...unwrapped('OpenAI'), suggestions: [] }],
      },
      {
        name: 'flags an unused client (it is not proven wrapped) and autofixes it',
        code: "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nconst client = new OpenAI()",
        output: "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\nconst client = withFinOps(new OpenAI())",
        errors: [unwrapped('OpenAI')],
      },
    ],
  })
})

describe('require-finops-wrapper with additionalModules', () => {
  tester.run('require-finops-wrapper', requireFinOpsWrapper, {
    valid: [
      {
        name: 'a wrapped client from a listed re-exporting module',
        code: "import { OpenAI } from './sdk'\nimport { withFinOps } from '@finops-ai/openai'\nexport const client = withFinOps(new OpenAI())",
        options: [{ additionalModules: ['./sdk'] }],
      },
      {
        name: 'a default import from a listed module bound under another name',
        code: "import Thing from './sdk'\nnew Thing().run()",
        options: [{ additionalModules: ['./sdk'] }],
      },
    ],
    invalid: [
      {
        name: 'flags named, default and namespace imports of a listed re-exporting module',
        code: "import { OpenAI } from './sdk'\nimport Anthropic from '@/lib/anthropic'\nimport * as llm from './sdk'\nuse(new OpenAI(), new Anthropic(), new llm.AzureOpenAI())",
        options: [{ additionalModules: ['./sdk', '@/lib/anthropic'] }],
        errors: [
          {
            ...unwrapped('OpenAI'),
            suggestions: [
              importAndWrap(
                "import { OpenAI } from './sdk'\nimport Anthropic from '@/lib/anthropic'\nimport * as llm from './sdk'\nimport { withFinOps } from '@finops-ai/openai'\nuse(withFinOps(new OpenAI()), new Anthropic(), new llm.AzureOpenAI())",
              ),
            ],
          },
          {
            ...unwrapped('Anthropic', '@finops-ai/anthropic'),
            suggestions: [
              importAndWrap(
                "import { OpenAI } from './sdk'\nimport Anthropic from '@/lib/anthropic'\nimport * as llm from './sdk'\nimport { withFinOps } from '@finops-ai/anthropic'\nuse(new OpenAI(), withFinOps(new Anthropic()), new llm.AzureOpenAI())",
                'Anthropic',
                '@finops-ai/anthropic',
              ),
            ],
          },
          {
            ...unwrapped('AzureOpenAI'),
            suggestions: [
              importAndWrap(
                "import { OpenAI } from './sdk'\nimport Anthropic from '@/lib/anthropic'\nimport * as llm from './sdk'\nimport { withFinOps } from '@finops-ai/openai'\nuse(new OpenAI(), new Anthropic(), withFinOps(new llm.AzureOpenAI()))",
                'AzureOpenAI',
              ),
            ],
          },
        ],
      },
      {
        name: 'flags require() of a listed module',
        code: "const { Anthropic } = require('./sdk')\nexports.claude = new Anthropic()",
        options: [{ additionalModules: ['./sdk'] }],
        languageOptions: commonjs,
        errors: [{ ...exported('Anthropic', '@finops-ai/anthropic'), suggestions: [] }],
      },
    ],
  })
})

const unwrappedModel = (provider = '@ai-sdk/openai') => ({ messageId: 'unwrappedModel', data: { client: provider, module: '@finops-ai/ai-sdk' } })
const wrapModel = (output: string, provider = '@ai-sdk/openai') => ({
  messageId: 'wrapModel',
  data: { client: provider, module: '@finops-ai/ai-sdk', wrapper: 'withFinOps' },
  output,
})
const importAndWrapModel = (output: string, provider = '@ai-sdk/openai') => ({
  messageId: 'importAndWrapModel',
  data: { client: provider, module: '@finops-ai/ai-sdk' },
  output,
})

const providerModels = [
  "import { createOpenAI } from '@ai-sdk/openai'",
  "import { createAnthropic } from '@ai-sdk/anthropic'",
  "import { withFinOps } from '@finops-ai/ai-sdk'",
  'const provider = createOpenAI({ baseURL })',
]

describe('require-finops-wrapper on Vercel AI SDK models', () => {
  tester.run('require-finops-wrapper', requireFinOpsWrapper, {
    valid: [
      {
        name: 'a model wrapped with withFinOps() from @finops-ai/ai-sdk',
        code: "import { openai } from '@ai-sdk/openai'\nimport { withFinOps } from '@finops-ai/ai-sdk'\nawait generateText({ model: withFinOps(openai('gpt-4o')), prompt })",
      },
      {
        name: 'a model given to wrapLanguageModel() with the finops middleware, directly or in a list',
        code: [
          "import { anthropic } from '@ai-sdk/anthropic'",
          "import { wrapLanguageModel } from 'ai'",
          "import { finopsMiddleware } from '@finops-ai/ai-sdk'",
          "const a = wrapLanguageModel({ model: anthropic('claude-sonnet-4-5'), middleware: finopsMiddleware({ attribution }) })",
          'const finops = finopsMiddleware()',
          "const b = wrapLanguageModel({ model: anthropic.messages('claude-haiku-4-5'), middleware: [logging, finops] })",
        ].join('\n'),
      },
      {
        name: 'an embedding model given to wrapEmbeddingModel() with the finops embedding middleware',
        code: "import * as ai from 'ai'\nimport { createOpenAI } from '@ai-sdk/openai'\nimport * as finops from '@finops-ai/ai-sdk'\nconst provider = createOpenAI({ baseURL })\nconst raw = provider.embedding('text-embedding-3-small')\nexport const model = ai.wrapEmbeddingModel({ model: raw, middleware: finops.finopsEmbeddingMiddleware() })",
      },
      {
        name: 'a provider created but not used for a model, provider tools and non-token models',
        code: "import { createOpenAI, openai } from '@ai-sdk/openai'\nconst provider = createOpenAI({ apiKey })\nconst tools = { search: openai.tools.webSearch() }\nconst image = openai.image('gpt-image-1')",
      },
      {
        name: 'a function named openai that is not the AI SDK provider',
        code: "import { openai } from './my-llm'\nopenai('gpt-4o')",
      },
    ],
    invalid: [
      {
        name: 'flags an inline model of the default provider and suggests importing withFinOps',
        code: "import { openai } from '@ai-sdk/openai'\nawait generateText({ model: openai('gpt-4o'), prompt })",
        errors: [
          {
            ...unwrappedModel(),
            suggestions: [
              importAndWrapModel(
                "import { openai } from '@ai-sdk/openai'\nimport { withFinOps } from '@finops-ai/ai-sdk'\nawait generateText({ model: withFinOps(openai('gpt-4o')), prompt })",
              ),
            ],
          },
        ],
      },
      {
        name: 'flags models of createOpenAI() and createAnthropic() providers, by method or call',
        code: [...providerModels, "const chat = provider.chat('gpt-4o-mini')", "const claude = createAnthropic({ apiKey })('claude-sonnet-4-5')", 'use(chat, claude)'].join('\n'),
        errors: [
          {
            ...unwrappedModel(),
            line: 5,
            suggestions: [
              wrapModel(
                [...providerModels, "const chat = withFinOps(provider.chat('gpt-4o-mini'))", "const claude = createAnthropic({ apiKey })('claude-sonnet-4-5')", 'use(chat, claude)'].join('\n'),
              ),
            ],
          },
          {
            ...unwrappedModel('@ai-sdk/anthropic'),
            line: 6,
            suggestions: [
              wrapModel(
                [...providerModels, "const chat = provider.chat('gpt-4o-mini')", "const claude = withFinOps(createAnthropic({ apiKey })('claude-sonnet-4-5'))", 'use(chat, claude)'].join('\n'),
                '@ai-sdk/anthropic',
              ),
            ],
          },
        ],
      },
      {
        name: 'flags a model given to wrapLanguageModel() without the finops middleware',
        code: "import { openai } from '@ai-sdk/openai'\nimport { wrapLanguageModel } from 'ai'\nconst model = wrapLanguageModel({ model: openai('gpt-4o'), middleware: logging })\nuse(model)",
        errors: [
          {
            ...unwrappedModel(),
            suggestions: [
              importAndWrapModel(
                "import { openai } from '@ai-sdk/openai'\nimport { wrapLanguageModel } from 'ai'\nimport { withFinOps } from '@finops-ai/ai-sdk'\nconst model = wrapLanguageModel({ model: withFinOps(openai('gpt-4o')), middleware: logging })\nuse(model)",
              ),
            ],
          },
        ],
      },
      {
        name: 'flags an unwrapped model exported from CommonJS (no import is offered there)',
        code: "const { openai } = require('@ai-sdk/openai')\nmodule.exports.model = openai.responses('gpt-4o')",
        languageOptions: commonjs,
        errors: [{ messageId: 'exportedUnwrappedModel', data: { client: '@ai-sdk/openai', module: '@finops-ai/ai-sdk' }, suggestions: [] }],
      },
      {
        name: 'flags a model variable read outside withFinOps()',
        code: "import { anthropic } from '@ai-sdk/anthropic'\nimport { withFinOps } from '@finops-ai/ai-sdk'\nconst raw = anthropic('claude-haiku-4-5')\nconst model = withFinOps(raw)\nawait generateText({ model: raw, prompt })",
        errors: [
          {
            ...unwrappedModel('@ai-sdk/anthropic'),
            suggestions: [
              wrapModel(
                "import { anthropic } from '@ai-sdk/anthropic'\nimport { withFinOps } from '@finops-ai/ai-sdk'\nconst raw = withFinOps(anthropic('claude-haiku-4-5'))\nconst model = withFinOps(raw)\nawait generateText({ model: raw, prompt })",
                '@ai-sdk/anthropic',
              ),
            ],
          },
        ],
      },
    ],
  })
})

const unbuilt = (client: string, builder: string, module = '@finops-ai/langchain/openai') => ({
  messageId: 'unbuiltLangChain',
  data: { client, builder, module },
})

describe('require-finops-wrapper on LangChain models', () => {
  tester.run('require-finops-wrapper', requireFinOpsWrapper, {
    valid: [
      {
        name: 'models built by the @finops-ai/langchain helpers',
        code: "import { finopsChatOpenAI } from '@finops-ai/langchain/openai'\nimport { finopsChatAnthropic } from '@finops-ai/langchain'\nconst a = finopsChatOpenAI({ model: 'gpt-4o' })\nconst b = finopsChatAnthropic({ model: 'claude-sonnet-4-5' })",
      },
      {
        name: 'LangChain classes finops-ai has no helper for',
        code: "import { OpenAI } from '@langchain/openai'\nconst llm = new OpenAI({ model: 'gpt-3.5-turbo-instruct' })",
      },
    ],
    invalid: [
      {
        name: 'flags new ChatOpenAI() and suggests the helper, importing it from the provider subpath',
        code: "import { ChatOpenAI } from '@langchain/openai'\nconst model = new ChatOpenAI({ model: 'gpt-4o' }).bindTools(tools)",
        errors: [
          {
            ...unbuilt('ChatOpenAI', 'finopsChatOpenAI'),
            suggestions: [
              {
                messageId: 'importAndUseBuilder',
                data: { client: 'ChatOpenAI', builder: 'finopsChatOpenAI', module: '@finops-ai/langchain/openai' },
                output:
                  "import { ChatOpenAI } from '@langchain/openai'\nimport { finopsChatOpenAI } from '@finops-ai/langchain/openai'\nconst model = finopsChatOpenAI({ model: 'gpt-4o' }).bindTools(tools)",
              },
            ],
          },
        ],
      },
      {
        name: 'suggests the helper already imported, under its alias or namespace',
        code: "import { ChatAnthropic } from '@langchain/anthropic'\nimport * as finops from '@finops-ai/langchain'\nexport const claude = new ChatAnthropic()",
        errors: [
          {
            ...unbuilt('ChatAnthropic', 'finopsChatAnthropic', '@finops-ai/langchain/anthropic'),
            suggestions: [
              {
                messageId: 'useBuilder',
                data: { client: 'ChatAnthropic', builder: 'finops.finopsChatAnthropic', module: '@finops-ai/langchain/anthropic' },
                output: "import { ChatAnthropic } from '@langchain/anthropic'\nimport * as finops from '@finops-ai/langchain'\nexport const claude = finops.finopsChatAnthropic()",
              },
            ],
          },
        ],
      },
      {
        name: 'flags Azure and embedding classes, without a suggestion when the arguments do not carry over',
        code: "const { AzureChatOpenAI, OpenAIEmbeddings, AzureOpenAIEmbeddings } = require('@langchain/openai')\nuse(new AzureChatOpenAI(fields), new OpenAIEmbeddings('text-embedding-3-small', options), new AzureOpenAIEmbeddings)",
        languageOptions: commonjs,
        errors: [
          { ...unbuilt('AzureChatOpenAI', 'finopsAzureChatOpenAI'), suggestions: [] },
          { ...unbuilt('OpenAIEmbeddings', 'finopsOpenAIEmbeddings'), suggestions: [] },
          { ...unbuilt('AzureOpenAIEmbeddings', 'finopsAzureOpenAIEmbeddings'), suggestions: [] },
        ],
      },
    ],
  })
})
