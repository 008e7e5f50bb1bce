import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations for the console, generated from the graph the api emits (`npm run schema`).
 * The CRUD operations built by `src/data/crud.ts` are not here: only their fields fragments are
 * (admin/test/documents.test.ts validates the built documents against the same schema).
 */
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTimeISO: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false },
        nonOptionalTypename: false,
        skipTypeNameForRoot: true,
        defaultScalarType: 'unknown',
      },
    },
  },
};

export default config;
