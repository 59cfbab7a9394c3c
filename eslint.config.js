/**
 * ESLint (flat config), `npm run lint`. Decision 0023 says why each rule is here. Besides the usual
 * recommended sets (typescript-eslint without type information, for speed; React, hooks and jsx-a11y
 * for `app/`), it encodes the project's own rules:
 * - layers (decision 0005): `shared/` imports neither `server/` nor `app/`; `server/` never imports
 *   `app/`; browser code never imports `#server/…` or a `*.server` module (types excepted);
 * - zod (decisions 0012 and 0014): never classic `zod` where the browser reaches, and the input
 *   schemas (`#shared/schemas/…`) never statically where the browser reaches (forms load theirs on demand);
 * - the clock: server code reads it through `services.now()`, never `new Date()` or `Date.now()`.
 * Formatting is Prettier's (`npm run format`); eslint-config-prettier comes last and turns off every
 * rule that would disagree with it.
 */
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const TESTS = ['**/*.test.ts', '**/*.test.tsx', 'test/**']
const SERVER_MODULES_IN_APP = ['app/**/*.server.ts', 'app/**/*.server.tsx']

// ---- Import restrictions. Each group is a list of `@typescript-eslint/no-restricted-imports` patterns;
// a file gets one rule entry built from all the groups that apply to it (in a flat config a later
// entry for the same rule replaces an earlier one, it does not add to it).

/** Decision 0005: `shared/` is the bottom layer. */
const NOT_SERVER_OR_APP = [
  {
    regex: '^(#server/|#app/|(\\.\\./)+(server|app)(/|$))',
    message: 'shared/ is the bottom layer: it imports neither server/ nor app/ (decision 0005).',
  },
]
/** Decision 0005: `server/` never imports `app/`. */
const NOT_APP = [
  {
    regex: '^(#app/|(\\.\\./)+app(/|$))',
    message: 'server/ never imports app/ (decision 0005). Move what both need to shared/.',
  },
]
/** Decision 0005: browser code never imports server-only modules; a type import is erased, so it is allowed. */
const NOT_SERVER_ONLY = [
  {
    regex: '^#server/|\\.server(\\.tsx?)?$',
    allowTypeImports: true,
    message: 'Browser code never imports server-only modules (decision 0005); `import type` is fine.',
  },
]
/** Decision 0014: classic zod (93 KB gzip) never reaches the browser; schemas are written with zod/mini. */
const NOT_CLASSIC_ZOD = [
  {
    regex: '^zod(/v3|/v4|/v4/classic)?$',
    allowTypeImports: true,
    message: "Use zod/mini (`import * as z from 'zod/mini'`): classic zod brings 93 KB to the browser (decision 0014).",
  },
]
/**
 * Decisions 0012 and 0008: no page loads the input schemas (and so zod) up front. Loaders and actions
 * import them through `#app/utils/schemas.server.ts` (left out of the browser build); a form's component
 * passes `useSchemaForm` a dynamic `import('#shared/schemas/…')`, which this rule does not cover (it
 * checks import declarations only) and which loads when the form is first used.
 */
const NOT_SCHEMAS = [
  {
    regex: '^#shared/schemas/',
    allowTypeImports: true,
    message:
      'No page loads zod up front (decisions 0012, 0008): import loader/action schemas from ' +
      "#app/utils/schemas.server.ts, labels and constants from #shared/vocabulary/, and give useSchemaForm a loader: () => import('#shared/schemas/…').",
  },
]
const restrictImports = (...groups) => ['error', { patterns: groups.flat() }]

/** Resource routes (`route.ts`: a loader or action, no screen) load nothing in the browser. */
const RESOURCE_ROUTES = ['app/routes/**/route.ts']

/**
 * Browser code: app/ files that are not `*.server` modules and not route modules. Route modules
 * (`app/routes/**`, `app/root.tsx`) may import server-only modules for their loader and action,
 * which the Remix compiler strips from the browser build; a lint rule cannot tell which import a
 * route's component uses, so for them the compiler's own refusal of `*.server` modules is the check.
 */
const BROWSER = ['app/components/**', 'app/utils/**', 'app/*.ts', 'app/*.tsx']
const ROUTE_MODULES = ['app/routes/**', 'app/root.tsx']
const NOT_BROWSER = [...SERVER_MODULES_IN_APP, ...TESTS, 'app/entry.server.tsx', 'app/root.tsx']

// ---- The clock: server code reads the time through `services.now()` (one clock, which tests set).
/** Tables scroll with app/components/list/scroll-container.tsx; vite.config.ts takes ScrollArea out of Table's. */
const TABLE_SCROLL = {
  selector: "JSXMemberExpression[object.name='Table'][property.name='ScrollContainer']",
  message:
    'Use ScrollContainer from app/components/list/scroll-container.tsx (the browser build has no ScrollArea in Table.ScrollContainer).',
}

const CLOCK = [
  'error',
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Read the clock through services.now() (server/services.server.ts), not new Date().',
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Read the clock through services.now() (server/services.server.ts), not Date.now().',
  },
  {
    selector: "CallExpression[callee.type='Identifier'][callee.name='Date']",
    message: 'Date() is the current time as a string: read the clock through services.now().',
  },
]

export default tseslint.config(
  {
    ignores: [
      'build/',
      'public/build/',
      'node_modules/',
      'server/generated/',
      '.cache/',
      'coverage/',
      'test-results/',
      'data/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // `import type` is what lets a browser module name a server module's types (NOT_SERVER_ONLY below)
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // ---- React for app/
  {
    files: ['app/**/*.tsx', 'app/**/*.ts'],
    ...react.configs.flat.recommended,
    ...react.configs.flat['jsx-runtime'],
    plugins: { react, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    languageOptions: {
      ...react.configs.flat.recommended.languageOptions,
      globals: { ...globals.browser, ...globals.node },
    },
    settings: { react: { version: 'detect' } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat['jsx-runtime'].rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'react/prop-types': 'off', // TypeScript checks props
      // Apostrophes and quotes in copy are plain text in JSX; `>` and `}` are the likely mistakes.
      'react/no-unescaped-entities': ['error', { forbid: ['>', '}'] }],
      'no-restricted-syntax': ['error', TABLE_SCROLL],
    },
  },
  {
    // The sign-in page does one thing: its email field takes focus on load, as people expect there.
    files: ['app/routes/login/route.tsx'],
    rules: { 'jsx-a11y/no-autofocus': 'off' },
  },

  // ---- Layers (decision 0005) and zod (0012, 0014). The file sets below do not overlap.
  {
    files: ['shared/**'],
    ignores: TESTS,
    rules: { '@typescript-eslint/no-restricted-imports': restrictImports(NOT_SERVER_OR_APP, NOT_CLASSIC_ZOD) },
  },
  {
    files: ['server/**'],
    ignores: TESTS,
    rules: { '@typescript-eslint/no-restricted-imports': restrictImports(NOT_APP) },
  },
  {
    files: BROWSER,
    ignores: NOT_BROWSER,
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictImports(NOT_SERVER_ONLY, NOT_CLASSIC_ZOD, NOT_SCHEMAS),
    },
  },
  {
    files: ROUTE_MODULES,
    ignores: [...TESTS, ...RESOURCE_ROUTES],
    rules: { '@typescript-eslint/no-restricted-imports': restrictImports(NOT_CLASSIC_ZOD, NOT_SCHEMAS) },
  },
  {
    files: RESOURCE_ROUTES,
    rules: { '@typescript-eslint/no-restricted-imports': restrictImports(NOT_CLASSIC_ZOD) },
  },

  // ---- The clock on the server: server/, app's *.server modules and route modules (loaders, actions).
  {
    files: ['server/**', ...SERVER_MODULES_IN_APP, ...ROUTE_MODULES],
    ignores: [...TESTS, 'server/services.server.ts'], // services.server.ts is the clock
    rules: { 'no-restricted-syntax': [...CLOCK, TABLE_SCROLL] },
  },

  // ---- Tests: no browser bundle to keep small, so no rule on how types are imported.
  {
    files: TESTS,
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },

  prettier,
)
