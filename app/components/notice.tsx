/**
 * A notice box for what every page may show, the flash message and the error page (product.md,
 * Forms and Errors): Mantine's Alert look (`light` variant) with an optional icon, a bulleted list,
 * inline code and a dismiss button, on notice.module.css instead of Mantine's Alert, List, Code and
 * CloseButton, whose stylesheets would otherwise load on every page. Same markup and colours as
 * those components. The app's one notice box: flash messages, error pages, form-level errors and
 * the lists' notes (the audit log's filter, the interviews week) all use it.
 */
import { CloseIcon, UnstyledButton } from '@mantine/core'
import { useId, type ComponentPropsWithoutRef, type ReactNode } from 'react'
import classes from './notice.module.css'

/** The palette colours a notice may take. */
export type NoticeColor = 'blue' | 'green' | 'orange' | 'red'

/**
 * The box: `role` defaults to "alert" (as Mantine's Alert); `title`, when given, is its accessible
 * name (a bold first line) and the content its accessible description. Other props (id, aria-live,
 * data-testid, …) go on the root element.
 */
export function Notice({
  color,
  icon,
  title,
  role = 'alert',
  children,
  className,
  ...others
}: { color: NoticeColor; icon?: ReactNode; title?: ReactNode; children: ReactNode } & Omit<
  ComponentPropsWithoutRef<'div'>,
  'color' | 'title'
>) {
  const id = useId()
  const bodyId = `${id}-body`
  const titleId = `${id}-title`
  return (
    <div
      {...others}
      className={className ? `${classes.notice} ${className}` : classes.notice}
      data-color={color}
      data-variant="light"
      role={role}
      aria-describedby={bodyId}
      aria-labelledby={title ? titleId : undefined}
    >
      <div className={classes.wrapper}>
        {icon && <div className={classes.icon}>{icon}</div>}
        <div className={classes.body}>
          {title && (
            <div className={classes.title}>
              <span id={titleId} className={classes.label}>
                {title}
              </span>
            </div>
          )}
          <div id={bodyId} className={classes.message} data-variant="light">
            {children}
          </div>
        </div>
      </div>
    </div>
  )
}

/** A bulleted list of short texts (Mantine's List, size sm). */
export function NoticeList({ items }: { items: string[] }) {
  return (
    <ul className={classes.list} data-size="sm">
      {items.map((item) => (
        <li key={item} className={classes.item}>
          <div className={classes.itemWrapper}>
            <span>{item}</span>
          </div>
        </li>
      ))}
    </ul>
  )
}

/** Inline code (Mantine's Code). */
export function NoticeCode(props: ComponentPropsWithoutRef<'code'>) {
  return <code dir="ltr" {...props} className={classes.code} />
}

/** The dismiss button (Mantine's subtle CloseButton, size sm); `label` is its accessible name. */
export function NoticeCloseButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <UnstyledButton className={classes.close} data-variant="subtle" data-size="sm" aria-label={label} onClick={onClick}>
      <CloseIcon />
    </UnstyledButton>
  )
}
