/**
 * The build: Remix v2's Vite plugin (docs/decisions/0019-remix-on-vite.md). `npm run build` writes
 * build/client (the browser's files, content-hashed under /assets) and build/server/index.js (the
 * server build server/main.ts serves); `npm run dev` runs the same plugin inside Express
 * (server/http/vite-dev.server.ts) with hot module replacement. The v3 future flags are on so a move
 * to React Router v7 stays one step. `#app/…`, `#shared/…` and `#server/…` resolve through
 * package.json "imports", which Vite reads itself; postcss.config.cjs (Mantine's preset) applies as before.
 */
import fs from 'node:fs'
import path from 'node:path'
import { vitePlugin as remix } from '@remix-run/dev'
import postcss from 'postcss'
import { defineConfig, type Plugin } from 'vite'

const MANTINE_STYLES = path.resolve('node_modules/@mantine/core/styles')
const MANTINE_STYLES_ID = 'virtual:mantine-core-styles.css'

/**
 * Mantine's CSS per component instead of its one 230 KB styles.css on every page: each Mantine
 * component module imports its class names from `<Name>.module.css.mjs`; the build adds
 * `import '@mantine/core/styles/<Name>.css'` there, so a component's CSS lands in the same chunk as
 * its code and a page links only the CSS of the components it can render (Remix links each route's
 * CSS). `virtual:mantine-core-styles.css` (root.tsx) is the part every page needs: the baseline and
 * global rules; the variables come from /theme.css. In development (where Vite pre-bundles
 * Mantine) it is the whole styles.css.
 */
function mantineCssPerComponent(): Plugin {
  let dev = false
  return {
    name: 'gatehouse:mantine-css-per-component',
    enforce: 'pre',
    configResolved(config) {
      dev = config.command === 'serve'
    },
    resolveId(id) {
      return id === MANTINE_STYLES_ID ? `\0${MANTINE_STYLES_ID}` : null
    },
    load(id) {
      if (id !== `\0${MANTINE_STYLES_ID}`) return null
      const files = dev
        ? ['@mantine/core/styles.css']
        : ['@mantine/core/styles/baseline.css', '@mantine/core/styles/global.css']
      return files.map((f) => `@import '${f}';`).join('\n')
    },
    transform(code, id) {
      if (dev) return null
      const name = /@mantine\/core\/esm\/(?:.*\/)?([A-Za-z]+)\.module\.css\.mjs$/.exec(id)?.[1]
      if (!name || !fs.existsSync(path.join(MANTINE_STYLES, `${name}.css`))) return null
      return { code: `import '@mantine/core/styles/${name}.css';\n${code}`, map: null }
    },
  }
}

/**
 * Mantine components that render one part of a bigger component and would otherwise bring all of its
 * CSS (browser build only). `NativeSelect` (every list's filters) draws its arrow with
 * `ComboboxChevron`, whose class names come from Combobox's module, so every filter bar linked the
 * whole Combobox.css (5 KB raw: dropdown, options, search, groups) for one icon. Each entry gives
 * the component module a copy of the class-name map whose CSS is only the rules whose selectors
 * name the listed classes (with their enclosing at-rules), cut from Mantine's own stylesheet at
 * build time, so it follows Mantine's upgrades. Where the full component renders (a Select, the
 * searchable pickers), its own modules still import the full stylesheet; the repeated chevron rules
 * are identical. A rewrite that no longer matches, or a class that no rule names, fails the build.
 */
function mantineCssSubsets(): Plugin {
  const subsets: Array<{ file: RegExp; from: string; styles: string; keys: string[] }> = [
    {
      file: /@mantine\/core\/esm\/components\/Combobox\/ComboboxChevron\/ComboboxChevron\.mjs$/,
      from: "import classes from '../Combobox.module.css.mjs';",
      styles: 'Combobox',
      keys: ['chevron'],
    },
  ]
  const PREFIX = 'virtual:mantine-css-subset:'
  let dev = false
  const classMap = (styles: string): Record<string, string> => {
    const file = path.resolve(`node_modules/@mantine/core/esm/components/${styles}/${styles}.module.css.mjs`)
    const json = /var classes = (\{.*?\});/.exec(fs.readFileSync(file, 'utf8'))?.[1]
    if (!json) throw new Error(`${file}: expected "var classes = {…};" (did Mantine change?)`)
    return JSON.parse(json) as Record<string, string>
  }
  const subsetCss = (styles: string, classNames: string[]): string => {
    const root = postcss.parse(fs.readFileSync(path.join(MANTINE_STYLES, `${styles}.css`), 'utf8'))
    const names = (selector: string) => classNames.some((c) => new RegExp(`\\.${c}(?![\\w-])`).test(selector))
    root.walkRules((rule) => {
      if (!names(rule.selector)) rule.remove()
    })
    root.walkComments((comment) => {
      comment.remove()
    })
    // Emptied at-rules (media queries, keyframes), innermost first.
    const empty: postcss.AtRule[] = []
    root.walkAtRules((at) => {
      empty.unshift(at)
    })
    for (const at of empty) if (!at.nodes?.length) at.remove()
    const css = root.toString().trim()
    for (const c of classNames) if (!css.includes(`.${c}`)) throw new Error(`${styles}.css: no rule names .${c}`)
    return css
  }
  return {
    name: 'gatehouse:mantine-css-subsets',
    enforce: 'pre',
    configResolved(config) {
      dev = config.command === 'serve'
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null
      const spec = id.slice(PREFIX.length + 1)
      if (spec.endsWith('.css')) {
        const [styles, keys] = spec.slice(0, -'.css'.length).split('/') as [string, string]
        const map = classMap(styles)
        return subsetCss(
          styles,
          keys.split(',').map((k) => map[k]!),
        )
      }
      const [styles, keys] = spec.split('/') as [string, string]
      const map = classMap(styles)
      for (const k of keys.split(',')) if (!map[k]) throw new Error(`${styles}.module.css.mjs: no class "${k}"`)
      return `import '${PREFIX}${styles}/${keys}.css';\nexport default ${JSON.stringify(map)};`
    },
    transform(code, id, options) {
      if (dev || options?.ssr) return null
      const subset = subsets.find((s) => s.file.test(id))
      if (!subset) return null
      if (!code.includes(subset.from)) throw new Error(`${id}: expected "${subset.from}" (did Mantine change?)`)
      const to = `import classes from '${PREFIX}${subset.styles}/${subset.keys.join(',')}';`
      return { code: code.replace(subset.from, to), map: null }
    },
  }
}

const CLOSE_BUTTON_CSS = "import '@mantine/core/styles/CloseButton.css';\n"

/**
 * CloseButton's stylesheet where a close button can render, not wherever an input is (browser build
 * only). Mantine's Input carries `Input.ClearButton`, which imports CloseButton, so every page with
 * a text field linked CloseButton.css (1.3 KB raw) though no field here is clearable. The CSS import
 * mantineCssPerComponent adds to CloseButton's class names moves to each module that imports
 * `CloseButton` by name (Mantine's Alert, Modal, Drawer, Pill, the dates' TimePicker, app code) or
 * renders `Input.ClearButton` (Combobox's clear button, the dates' inputs), ahead of that module's
 * own imports, so the rules keep their order before the component's own. Must come after
 * mantineCssPerComponent in the plugin list; fails the build if that import is not where expected.
 */
function closeButtonCssWhereRendered(): Plugin {
  let dev = false
  const importsCloseButton =
    /import\s*\{[^}]*\bCloseButton\b[^}]*\}\s*from\s*['"](?:@mantine\/core|[^'"]*\/CloseButton\/CloseButton\.mjs)['"]/
  return {
    name: 'gatehouse:close-button-css-where-rendered',
    enforce: 'pre',
    configResolved(config) {
      dev = config.command === 'serve'
    },
    transform(code, id, options) {
      if (dev || options?.ssr) return null
      if (/@mantine\/core\/esm\/components\/CloseButton\/CloseButton\.module\.css\.mjs$/.test(id)) {
        if (!code.startsWith(CLOSE_BUTTON_CSS)) throw new Error(`${id}: expected the CloseButton.css import first`)
        return { code: code.slice(CLOSE_BUTTON_CSS.length), map: null }
      }
      if (/@mantine\/core\/esm\/components\/Input\/(?:Input|InputClearButton\/InputClearButton)\.mjs$/.test(id))
        return null
      if (!importsCloseButton.test(code) && !/\bInput\.ClearButton\b/.test(code)) return null
      return { code: CLOSE_BUTTON_CSS + code, map: null }
    },
  }
}

/**
 * Conform's zod coercion (`@conform-to/zod/v4`, used by `parseWithZod`) imports four helpers
 * (`lazy`, `optional`, `pipe`, `transform`) from zod's classic API, which brings classic's schema
 * classes with every method and the JSON-schema code into the browser (about 19 KB gzip on every
 * form). zod/mini exports the same four over the same core (`zod/v4/core`), so in the browser build
 * they come from there: the coerced schemas check and report the same (the English messages come
 * from `z.config(en())` in shared/schemas/common.ts either way; docs/decisions/0014-zod-mini-schemas.md).
 */
function conformZodOverMini(): Plugin {
  return {
    name: 'gatehouse:conform-zod-over-mini',
    enforce: 'pre',
    async resolveId(id, importer, options) {
      if (options.ssr || id !== 'zod/v4' || !importer?.includes('/@conform-to/zod/')) return null
      return this.resolve('zod/mini', importer, { ...options, skipSelf: true })
    },
  }
}

const MERGE_REFS_ID = 'virtual:mantine-merge-refs'

/**
 * Mantine's ScrollArea (tables' scroll containers, on every list) imports one small hook,
 * `useMergeRefs`, from `@floating-ui/react`, which is one module: the chunk holding it also held all
 * of floating-ui the menus and pickers use (10 KB gzip), so every list loaded the positioning code.
 * The browser build gives ScrollArea the same hook over `@mantine/hooks`' `useMergedRef` instead.
 */
function scrollAreaWithoutFloatingUi(): Plugin {
  return {
    name: 'gatehouse:scroll-area-without-floating-ui',
    enforce: 'pre',
    resolveId(id) {
      return id === MERGE_REFS_ID ? `\0${MERGE_REFS_ID}` : null
    },
    load(id) {
      if (id !== `\0${MERGE_REFS_ID}`) return null
      return [
        "import { useMergedRef } from '@mantine/hooks'",
        'export function useMergeRefs(refs) { return useMergedRef(...refs) }',
      ].join('\n')
    },
    transform(code, id, options) {
      if (options?.ssr || !/@mantine\/core\/esm\/components\/ScrollArea\/ScrollArea\.mjs$/.test(id)) return null
      const from = "import { useMergeRefs } from '@floating-ui/react';"
      if (!code.includes(from)) return null
      return { code: code.replace(from, `import { useMergeRefs } from '${MERGE_REFS_ID}';`), map: null }
    },
  }
}

/**
 * Three Mantine modules pull code every page would load for nearly nothing (browser build only):
 * - AppShell's header, aside and footer import react-remove-scroll (4 KB gzip) for one class name
 *   (`RemoveScroll.classNames.zeroRight`, the constant 'right-scroll-bar-position' that the modal's
 *   scroll lock pads): they get the constant itself, and the pages that open a modal load the library
 *   with the modal, where the same class keeps working.
 * - MantineProvider renders its CSS variables in a <style> unless `withCssVariables` is false, which
 *   root.tsx sets (the variables come from /theme.css): its resolver and colour functions (2 KB gzip)
 *   would load on every page to draw nothing, so in the browser the component is one that renders
 *   nothing (the server build keeps Mantine's, and renders nothing either).
 * - `Table` carries `Table.ScrollContainer`, which imports ScrollArea (5 KB gzip) into every page
 *   with a table. The app scrolls tables with app/components/list/scroll-container.tsx (the lint
 *   forbids `Table.ScrollContainer`), so the container gets a plain element in ScrollArea's place.
 */
function mantineWithoutUnusedLibraries(): Plugin {
  const rewrites: Array<{ file: RegExp; from: string; to: string }> = [
    {
      file: /@mantine\/core\/esm\/components\/AppShell\/AppShell(Header|Aside|Footer)\/AppShell\1\.mjs$/,
      from: "import { RemoveScroll } from 'react-remove-scroll';",
      to: "const RemoveScroll = { classNames: { zeroRight: 'right-scroll-bar-position' } };",
    },
    {
      file: /@mantine\/core\/esm\/core\/MantineProvider\/MantineProvider\.mjs$/,
      from: "import { MantineCssVariables } from './MantineCssVariables/MantineCssVariables.mjs';",
      to: 'const MantineCssVariables = () => null;',
    },
    {
      file: /@mantine\/core\/esm\/components\/Table\/TableScrollContainer\.mjs$/,
      from: "import { ScrollArea } from '../ScrollArea/ScrollArea.mjs';",
      to: "const ScrollArea = 'div';",
    },
  ]
  return {
    name: 'gatehouse:mantine-without-unused-libraries',
    enforce: 'pre',
    transform(code, id, options) {
      if (options?.ssr) return null
      const rewrite = rewrites.find((r) => r.file.test(id))
      if (!rewrite) return null
      if (!code.includes(rewrite.from)) throw new Error(`${id}: expected "${rewrite.from}" (did Mantine change?)`)
      return { code: code.replace(rewrite.from, rewrite.to), map: null }
    },
  }
}

const STYLES_IMPORT = /^import '([^']+)\?styles'\n/gm

/**
 * `import '<module>?styles'` in a route module (browser build): the route links the CSS that
 * `<module>` brings with it, without loading its code. A form whose code loads on first reach
 * (app/components/form/hydrate-on-reach.tsx) is imported this way by the route that shows it, so the
 * server's markup is styled before the code arrives. The build removes the import line and, when
 * the bundle is written, adds to the route chunk's entry in Vite's manifest (which Remix reads for
 * each route's links) the CSS of the chunk holding `<module>` and of the chunks that one imports:
 * the same CSS the lazy import brings. The server build and development just drop the line
 * (development injects CSS with each module). A module that calls `onReach(` without such an
 * import fails the build.
 */
function stylesOfModule(): Plugin {
  let dev = false
  const wanted = new Map<string, string[]>() // importing module → the modules whose styles it links
  return {
    name: 'gatehouse:styles-of-module',
    enforce: 'pre',
    configResolved(config) {
      dev = config.command === 'serve'
    },
    async transform(code, id, options) {
      if (id.includes('node_modules')) return null
      const specs = [...code.matchAll(STYLES_IMPORT)].map((m) => m[1]!)
      if (!dev && !options?.ssr && /\bonReach\(/.test(code) && !id.endsWith('hydrate-on-reach.tsx') && !specs.length)
        throw new Error(`${id}: calls onReach(…) without importing the form's styles ('<module>?styles')`)
      if (!specs.length) return null
      if (!dev && !options?.ssr) {
        const targets: string[] = []
        for (const spec of specs) {
          const target = await this.resolve(spec, id)
          if (!target) throw new Error(`${id}: cannot resolve ${spec}`)
          targets.push(target.id)
        }
        wanted.set(id, targets)
      }
      return { code: code.replace(STYLES_IMPORT, ''), map: null }
    },
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        const manifestAsset = bundle['.vite/manifest.json']
        if (!manifestAsset || manifestAsset.type !== 'asset' || !wanted.size) return
        const manifest = JSON.parse(String(manifestAsset.source)) as Record<string, { file: string; css?: string[] }>
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk')
        const cssOf = (fileName: string, seen = new Set<string>()): string[] => {
          const chunk = bundle[fileName]
          if (seen.has(fileName) || chunk?.type !== 'chunk') return []
          seen.add(fileName)
          return [...(chunk.viteMetadata?.importedCss ?? []), ...chunk.imports.flatMap((f) => cssOf(f, seen))]
        }
        const holding = (module: string) => {
          const chunk = chunks.find((c) => c.moduleIds.includes(module))
          if (!chunk) throw new Error(`no chunk holds ${module} (is it imported with import()?)`)
          return chunk
        }
        for (const [importer, targets] of wanted) {
          const chunk = holding(importer)
          const css = targets.flatMap((t) => cssOf(holding(t).fileName))
          for (const entry of Object.values(manifest)) {
            if (entry.file === chunk.fileName) entry.css = [...new Set([...(entry.css ?? []), ...css])]
          }
        }
        manifestAsset.source = JSON.stringify(manifest, null, 2)
      },
    },
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    mantineCssPerComponent(),
    mantineCssSubsets(),
    closeButtonCssWhereRendered(),
    scrollAreaWithoutFloatingUi(),
    mantineWithoutUnusedLibraries(),
    conformZodOverMini(),
    stylesOfModule(),
    remix({
      ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}'],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: true,
      },
    }),
  ],
  // The browser's code through terser with two compress passes: about 3% less gzip than esbuild's
  // minifier. The server build keeps Vite's default.
  build: isSsrBuild ? {} : { minify: 'terser' as const, terserOptions: { compress: { passes: 2 } } },
  optimizeDeps: {
    // Development's dependency scan follows route modules' server imports too; the native password
    // hasher has no browser build (it never reaches the browser: Remix drops loaders and actions).
    exclude: ['@node-rs/argon2'],
  },
}))
