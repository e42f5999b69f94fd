import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations from the composed API schema (schema/api.graphql), client preset (style.md),
 * for the end-to-end tests and for the web app (operations colocated with its components). Output
 * is committed; CI checks drift.
 */
const client = {
  preset: 'client',
  presetConfig: { fragmentMasking: false },
  config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string' } },
} as const;

const config: CodegenConfig = {
  schema: 'schema/api.graphql',
  ignoreNoDocuments: false,
  generates: {
    'e2e/gql/': { ...client, documents: ['e2e/**/*.ts', '!e2e/gql/**'] },
    'web/src/gql/': { ...client, documents: ['web/src/**/*.ts', 'web/src/**/*.vue', '!web/src/gql/**'] },
  },
};

export default config;
