/**
 * Forms whose code loads the first time a person reaches them (docs/decisions/0019-remix-on-vite.md,
 * "Loading on first reach"). The server renders the form in full, so the page looks and works the
 * same from the first byte. In the browser the form's markup stays as the server sent it (a
 * dehydrated Suspense boundary) until the pointer, a press, focus or a key first reaches it; then
 * its module loads and React hydrates it in place, keeping whatever was typed meanwhile. A submit
 * before then is held and submitted again once the form is hydrated (so it is checked in the
 * browser and sent the JavaScript way); if the code cannot load, it goes as a plain HTML post to
 * the route action, exactly as with JavaScript off (product.md, Forms). What a page loads until the
 * network is idle then leaves out the form, its fields and Conform.
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

/**
 * What starts the load: the pointer coming over the form, a press, focus or a key inside it; and a
 * submit, which is also held until the form is hydrated.
 */
const REACH_EVENTS = ['pointerover', 'pointerdown', 'touchstart', 'focusin', 'keydown', 'submit'] as const

/**
 * `onReach(server, load)` is a component that renders like the one `load` resolves to.
 * - `server`: the component itself on the server and `false` in the browser, written
 *   `import.meta.env.SSR && Component` over a static import, so the browser build drops the static
 *   import (the build folds the condition) and the server renders synchronously. The route also
 *   writes `import '<module>?styles'` so it links the component's CSS (vite.config.ts,
 *   `stylesOfModule`) and the server's markup is styled before the code arrives.
 * - `load`: the dynamic import of the same component, e.g. `() => import('…').then((m) => m.Form)`.
 * The result renders one wrapper `<div>` around the component (the element reach is watched on). Its
 * props are data (loader and action data, labels), compared by value: while it waits, a render with
 * props that differ would make React drop the server's markup and draw the fallback, so one that
 * only rebuilds equal objects does not re-render it.
 */
export function onReach<P extends object>(
  server: ComponentType<P> | false,
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  let loaded: ComponentType<P> | null = server || null
  let loading: Promise<void> | null = null
  let failed = false
  let hydrated = false
  let held: { form: HTMLFormElement; submitter: HTMLElement | null } | null = null
  let reached: () => void = () => {}
  const reach = new Promise<void>((resolve) => (reached = resolve))

  /** Submits a held submit again: through React once hydrated, as a plain post if the code failed. */
  const resubmit = () => {
    const submit = held
    held = null
    if (!submit?.form.isConnected) return
    const submitter = submit.submitter?.isConnected ? submit.submitter : null
    try {
      submit.form.requestSubmit(submitter)
    } catch {
      submit.form.requestSubmit()
    }
  }
  const start = () => {
    loading ??= load().then(
      (component) => {
        loaded = component
      },
      () => {
        failed = true
        resubmit()
      },
    )
    reached()
    return loading
  }
  const wanted = reach.then(() => loading)

  /** Renders nothing; its effect runs once the boundary has hydrated (or mounted). */
  function Hydrated() {
    useEffect(() => {
      hydrated = true
      resubmit()
    }, [])
    return null
  }

  /**
   * Inside the boundary: the component once loaded. Until then it suspends, which during hydration
   * keeps the server's markup in place; a fresh mount (no server markup) starts the load.
   */
  function Inner({ hydrating, props }: { hydrating: boolean; props: P }) {
    if (loaded) {
      const Component = loaded
      return (
        <>
          <Component {...props} />
          <Hydrated />
        </>
      )
    }
    throw hydrating ? wanted : start()
  }

  return memo(function OnReach(props: P) {
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
        if (hydrated || failed || !(event.target instanceof Node) || !element.contains(event.target)) return
        if (event instanceof SubmitEvent && event.target instanceof HTMLFormElement) {
          event.preventDefault()
          held = { form: event.target, submitter: event.submitter }
        }
        void start()
      }
      for (const type of REACH_EVENTS) window.addEventListener(type, onEvent, { capture: true })
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
  }, sameData) as unknown as ComponentType<P>
}

/** Props compared by value (they are plain data: strings, numbers, arrays and objects of them). */
function sameData(a: object, b: object): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}
