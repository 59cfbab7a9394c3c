/**
 * The user menu's dropdown (the signed-in layout, app/routes/_app/route.tsx): the person's email, a
 * link to their settings when they may read them, and sign out (which submits the sidebar's sign-out
 * form). Its own module, loaded the first time the pointer or focus reaches the menu's button, so the
 * menu's code and its positioning library (floating-ui) stay out of every page's first load.
 */
import { Menu } from '@mantine/core'
import { Link } from '@remix-run/react'
import { IconLogout, IconSettings } from '@tabler/icons-react'
import { useRef, type ReactElement } from 'react'
import { useTakeOver, type Reach } from '#app/components/form/load-on-reach.ts'

export default function UserMenu(props: {
  /** The menu's button (the layout renders the same one before this module loads). */
  target: ReactElement
  email: string
  canReadSettings: boolean
  /** The id of the sign-out form the last item submits. */
  signOutForm: string
  /** What happened before this module arrived: a press opens the menu at once, focus moves to the new button. */
  reach: Reach
}) {
  const wrapper = useRef<HTMLDivElement>(null)
  useTakeOver(wrapper, props.reach, 'button')
  return (
    <div ref={wrapper}>
      <Menu
        position="bottom-end"
        width={220}
        withinPortal
        withInitialFocusPlaceholder={false}
        defaultOpened={props.reach.opened}
      >
        <Menu.Target>{props.target}</Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{props.email}</Menu.Label>
          {props.canReadSettings && (
            <Menu.Item component={Link} to="/settings" leftSection={<IconSettings size={16} />}>
              Profile and settings
            </Menu.Item>
          )}
          <Menu.Divider />
          <Menu.Item
            component="button"
            type="submit"
            form={props.signOutForm}
            color="var(--mantine-color-red-text)"
            leftSection={<IconLogout size={16} />}
          >
            Sign out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </div>
  )
}
