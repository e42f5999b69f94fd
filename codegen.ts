import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations from the composed API schema (schema/api.graphql), client preset (style.md).
 * The end-to-end tests use them now; the web app will too. Output is committed; CI checks drift.
 */
const config: CodegenConfig = {
  schema: 'schema/api.graphql',
  documents: ['e2e/**/*.ts', '!e2e/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'e2e/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string' } },
    },
  },
};

export default config;
