/**
 * Forms whose code loads the first time a person reaches them (docs/decisions/0019-remix-on-vite.md,
 * "Loading on first reach"). The server renders the form in full, so the page looks and works the
 * same from the first byte: without its code the form is plain HTML that posts to the route action,
 * exactly as with JavaScript off (product.md, Forms). In the browser the form's markup stays as the
 * server sent it (a dehydrated Suspense boundary) until the pointer or focus first reaches it; then
 * its module loads and React hydrates it in place, keeping whatever was typed meanwhile. What a page
 * loads until the network is idle then leaves out the form, its fields and Conform.
 *
 * A form shown after a client-side navigation (a modal over a list) has no server markup: its code
 * loads at once. A form the server rendered with field errors, or holding the focused element, also
 * loads at once, so its errors clear as they are fixed.
 */
import { memo, Suspense, useEffect, useRef, useState, type ComponentType } from 'react'

/** Set once the page's first hydration has committed (root.tsx calls `useHydrationDone`). */
let appHydrated = false

/**
 * For the root route's component: marks the end of the page's first hydration, after which a form
 * that mounts has no server markup to keep (a client-side navigation) and loads its code at once.
 */
export function useHydrationDone(): void {
  useEffect(() => {
    appHydrated = true
  }, [])
}

/** What starts the load: the pointer coming over the form, a press, focus or a key inside it. */
const REACH_EVENTS = ['pointerover', 'pointerdown', 'touchstart', 'focusin', 'keydown'] as const

/**
 * `onReach(server, load)` is a component that renders like the one `load` resolves to.
 * - `server`: the component itself on the server and `false` in the browser, written
 *   `import.meta.env.SSR && Component` over a static import, so the browser build drops the static
 *   import (the build folds the condition; the import's CSS stays linked by the route, so the
 *   server's markup is styled before the code arrives) and the server renders synchronously.
 * - `load`: the dynamic import of the same component, e.g. `() => import('…').then((m) => m.Form)`.
 * The result renders one wrapper `<div>` around the component (the element reach is watched on).
 */
export function onReach<P extends object>(
  server: ComponentType<P> | false,
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  let loaded: ComponentType<P> | null = server || null
  let loading: Promise<void> | null = null
  let reached: () => void = () => {}
  const reach = new Promise<void>((resolve) => (reached = resolve))
  const start = () => {
    loading ??= load().then((component) => {
      loaded = component
    })
    reached()
    return loading
  }
  const wanted = reach.then(() => loading)

  /**
   * Inside the boundary: the component once loaded. Until then it suspends, which during hydration
   * keeps the server's markup in place; a fresh mount (no server markup) starts the load.
   */
  function Inner({ hydrating, props }: { hydrating: boolean; props: P }) {
    if (loaded) {
      const Component = loaded
      return <Component {...props} />
    }
    throw hydrating ? wanted : start()
  }

  /**
   * Memoised: a boundary that is still waiting must not receive new props (React would then drop the
   * server's markup and render the fallback), so the parent passes stable props (loader data).
   */
  const OnReach = memo(function OnReach(props: P) {
    const wrapper = useRef<HTMLDivElement>(null)
    const [hydrating] = useState(() => loaded === null && !appHydrated)
    useEffect(() => {
      const element = wrapper.current
      if (!hydrating || !element) return
      if (element.contains(document.activeElement) || element.querySelector('[aria-invalid="true"]')) {
        void start()
        return
      }
      // On the window, capturing: React stops a press, focus or key aimed at markup it has not
      // hydrated yet at the document, before it could reach the form.
      const onEvent = (event: Event) => {
        if (event.target instanceof Node && element.contains(event.target)) void start()
      }
      for (const type of REACH_EVENTS) window.addEventListener(type, onEvent, { capture: true, passive: true })
      return () => {
        for (const type of REACH_EVENTS) window.removeEventListener(type, onEvent, { capture: true })
      }
    }, [hydrating])
    return (
      <div ref={wrapper}>
        <Suspense fallback={null}>
          <Inner hydrating={hydrating} props={props} />
        </Suspense>
      </div>
    )
  })
  return OnReach
}
