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
