/**
 * The navigation progress bar (product.md, Lists: a progress bar shows while a screen loads): the
 * root starts it while Remix navigates and completes it when idle. The state and its timing are
 * @mantine/nprogress's store (`nprogress.start()` / `.complete()`); the bar is drawn here with
 * navigation-progress.module.css instead of @mantine/nprogress's NavigationProgress, which renders
 * Mantine's Progress and so put Progress's stylesheet (3 KB) on every page. Portalled to the body,
 * an ARIA progressbar labelled "Loading", as NavigationProgress renders it.
 */
import { getDefaultZIndex, OptionalPortal } from '@mantine/core'
import { nprogressStore, resetNavigationProgressAction, useNprogress } from '@mantine/nprogress'
import { useEffect, type CSSProperties } from 'react'
import classes from './navigation-progress.module.css'

/** The bar for `nprogressStore`; `label` is its accessible name. */
export function NavigationProgress({ label }: { label: string }) {
  // NavigationProgress's defaults (it initialises the shared store the same way, once).
  nprogressStore.initialize({ mounted: false, progress: 0, interval: -1, step: 1, stepInterval: 500, timeouts: [] })
  const state = useNprogress(nprogressStore)
  useEffect(() => () => resetNavigationProgressAction(nprogressStore), [])
  return (
    <OptionalPortal withinPortal>
      <div
        className={classes.root}
        data-mounted={state.mounted || undefined}
        style={{ '--nprogress-z-index': String(getDefaultZIndex('max')) } as CSSProperties}
      >
        <div
          className={classes.bar}
          role="progressbar"
          aria-label={label}
          aria-valuemax={100}
          aria-valuemin={0}
          aria-valuenow={state.progress}
          aria-valuetext={`${state.progress}%`}
          style={{ width: `${state.progress}%` }}
        />
      </div>
    </OptionalPortal>
  )
}
