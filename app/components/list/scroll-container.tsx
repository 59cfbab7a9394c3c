/**
 * A table's horizontal scroll on narrow screens: the browser's own scrolling (no Mantine ScrollArea,
 * whose custom scrollbars would add about 5 KB of JavaScript to every list for what `overflow-x`
 * does). The table keeps at least `minWidth` px; wider screens show it whole.
 */
import type { ReactNode } from 'react'
import classes from './scroll-container.module.css'

export function ScrollContainer(props: { minWidth: number; children: ReactNode }) {
  return (
    <div className={classes.scroll}>
      <div style={{ minWidth: props.minWidth }}>{props.children}</div>
    </div>
  )
}
