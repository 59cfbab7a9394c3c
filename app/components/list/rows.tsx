/**
 * Lean rows for list tables (product.md, Performance): plain `<tr>`/`<td>` elements, badge-looking
 * pills and icon actions with one CSS class each instead of a Mantine component per cell. A 50-row
 * page renders a few hundred elements instead of a few thousand component instances, and its HTML
 * carries no per-cell inline styles, tooltip portals or repeated icon paths: icons are drawn once in
 * <RowIconSprite /> and referenced with `<use>`. They look like Mantine's Table.Td, Badge (`light`,
 * `dot`) and subtle ActionIcon with a tooltip, and sit inside a Mantine <Table>.
 */
import { Link, type LinkProps } from '@remix-run/react'
import {
  IconCheck,
  IconPencil,
  IconStar,
  IconStarFilled,
  IconTrash,
  IconUserCheck,
  IconUserOff,
  IconX,
} from '@tabler/icons-react'
import type { ComponentPropsWithoutRef, ReactNode } from 'react'
import classes from './rows.module.css'

/** Colours a pill or action may take (the theme's palette names). */
export type RowColor =
  'blue' | 'cyan' | 'violet' | 'green' | 'gray' | 'orange' | 'red' | 'yellow' | 'indigo' | 'grape' | 'teal' | 'pink'

const ICONS = {
  pencil: IconPencil,
  trash: IconTrash,
  'user-off': IconUserOff,
  'user-check': IconUserCheck,
  star: IconStar,
  'star-filled': IconStarFilled,
  check: IconCheck,
  x: IconX,
} as const
export type RowIconName = keyof typeof ICONS

/** Draws each row icon once per page (hidden); rows reference them by id. Render it once next to the table. */
export function RowIconSprite() {
  return (
    <svg className={classes.sprite} aria-hidden="true" focusable="false">
      {Object.entries(ICONS).map(([name, Icon]) => (
        <symbol key={name} id={`row-icon-${name}`} viewBox="0 0 24 24">
          <Icon size={24} />
        </symbol>
      ))}
    </svg>
  )
}

/** An icon from the sprite (decorative: the text or label around it says what it means); 18px in a row action. */
export function RowIcon({ name, size }: { name: RowIconName; size?: number }) {
  return (
    <svg width={size} height={size} aria-hidden="true">
      <use href={`#row-icon-${name}`} />
    </svg>
  )
}

/**
 * Row links are not announced to Remix's route discovery when they render: every row links to the
 * same few routes (`/users/:id/edit`, …), so discovering each row's URLs would ask the server for the
 * manifest of hundreds of paths and mark every link `data-discover`. The first click on such a link
 * fetches its route's manifest once; later rows match without asking.
 */
const ROW_DISCOVERY = 'none'

export function Row(props: ComponentPropsWithoutRef<'tr'>) {
  return <tr className={classes.tr} {...props} />
}

/**
 * A cell of a <Row> (styled through the row, so a cell carries no class of its own; in another row,
 * pass `className={rowClasses.td}`); `strong` for the row's name column, `nowrap` for dates and times.
 */
export function Cell({
  strong,
  nowrap,
  children,
  ...rest
}: ComponentPropsWithoutRef<'td'> & { strong?: boolean; nowrap?: boolean }) {
  return (
    <td data-strong={strong || undefined} data-nowrap={nowrap || undefined} {...rest}>
      {children}
    </td>
  )
}

/** A second, dimmed line in a cell (a phone number under a name). */
export function SubLine({ children }: { children: ReactNode }) {
  return <span className={classes.sub}>{children}</span>
}

/**
 * A badge-looking label: `light` (tinted), `filled` (solid), `outline` (coloured border and text) or
 * `dot` (a coloured dot before neutral text); `xs` is Mantine's extra-small badge.
 */
export function Pill({
  color,
  variant = 'light',
  size,
  children,
}: {
  color: RowColor
  variant?: 'light' | 'filled' | 'outline' | 'dot'
  size?: 'xs'
  children: ReactNode
}) {
  return (
    <span
      className={classes.pill}
      data-color={color}
      data-size={size}
      data-dot={variant === 'dot' || undefined}
      data-filled={variant === 'filled' || undefined}
      data-outline={variant === 'outline' || undefined}
    >
      {children}
    </span>
  )
}

/** A link in a row (looks like Mantine's Anchor); not discovered on render, see ROW_DISCOVERY. */
export function RowLink(props: LinkProps) {
  return <Link className={classes.link} discover={ROW_DISCOVERY} {...props} />
}

/** The row's actions, right-aligned. */
export function RowActions({ children }: { children: ReactNode }) {
  return <div className={classes.actions}>{children}</div>
}

interface ActionLook {
  /** What the action does, for screen readers (e.g. "Edit Alex Agent"). */
  label: string
  /** The short word shown on hover and keyboard focus (e.g. "Edit"). */
  tooltip: string
  icon: RowIconName
  color?: RowColor
}

/** An icon link (opens a route: edit, delete, …); not discovered on render, see ROW_DISCOVERY. */
export function RowActionLink({ label, tooltip, icon, color, ...link }: ActionLook & LinkProps) {
  return (
    <Link
      className={classes.action}
      discover={ROW_DISCOVERY}
      aria-label={label}
      data-tooltip={tooltip}
      data-color={color}
      {...link}
    >
      <RowIcon name={icon} />
    </Link>
  )
}

/** An icon submit button (a one-click form such as activate or flag). */
export function RowActionButton({
  label,
  tooltip,
  icon,
  color,
  ...button
}: ActionLook & Omit<ComponentPropsWithoutRef<'button'>, 'children'>) {
  return (
    <button
      type="submit"
      className={classes.action}
      aria-label={label}
      data-tooltip={tooltip}
      data-color={color}
      {...button}
    >
      <RowIcon name={icon} />
    </button>
  )
}

/** The class for a form that sits inline in a row. */
export const inlineFormClass = classes.inlineForm

/** The stylesheet's classes, for screens with their own lean cells (the permission matrix: `stack`, `caption`, `cellButton`). */
export const rowClasses = classes
