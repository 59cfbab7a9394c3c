/**
 * A link in a side navigation (the app's sidebar, the settings sections): Remix's NavLink, so the
 * current page carries `aria-current="page"`, styled like Mantine's NavLink by one class instead of
 * a Mantine component per item (it is on every page).
 */
import { NavLink, type NavLinkProps } from '@remix-run/react'
import type { Icon } from '@tabler/icons-react'
import classes from './layout.module.css'

export function SideNavLink({
  icon: ItemIcon,
  label,
  ...link
}: Omit<NavLinkProps, 'className' | 'children'> & { icon?: Icon; label: string }) {
  return (
    <NavLink className={classes.navLink} {...link}>
      {ItemIcon && <ItemIcon size={18} stroke={1.6} aria-hidden />}
      {label}
    </NavLink>
  )
}

/** The class of a side-navigation item, for a button that sits among the links (sign out). */
export const sideNavItemClass = classes.navLink
