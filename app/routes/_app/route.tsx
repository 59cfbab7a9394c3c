import { ActionIcon, AppShell, Burger, useComputedColorScheme, useMantineColorScheme } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, Outlet, useLoaderData, useLocation } from '@remix-run/react'
import { IconChevronDown, IconLogout, IconMoon, IconSun } from '@tabler/icons-react'
import { lazy, Suspense } from 'react'
import { useLoadOnReach } from '#app/components/form/load-on-reach.ts'
import { ROLE_LABELS } from '#shared/permissions/policy.ts'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { navFor } from '#app/nav.ts'
import { useAbility } from '#app/utils/ability.ts'
import { readFlash } from '#app/utils/flash.server.ts'
import { requireUser } from '#app/utils/gate.server.ts'
import { FlashMessage } from '#app/components/flash-message.tsx'
import classes from '#app/components/layout/layout.module.css'
import faviconHref from '#app/assets/favicon.svg?url&no-inline'
import { SideNavLink, sideNavItemClass } from '#app/components/layout/side-nav-link.tsx'

/**
 * Signed-in layout: the user, their ability rules (the nav and every control ask the ability rebuilt
 * from them) and the flash message of the change that redirected here, read once and cleared.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requireUser(context, request)
  const { flash, clear } = await readFlash(request)
  return data(
    {
      user: { id: ctx.user.id, fullName: ctx.user.fullName, email: ctx.user.email, role: ctx.user.role },
      rules: ctx.ability.rules,
      flash,
    },
    clear ? { headers: { 'Set-Cookie': clear } } : undefined,
  )
}

/** The id of the page's main content: the skip link's target. */
const MAIN_ID = 'main-content'

/** The id of the one sign-out form; the user menu's item submits it too. */
const SIGN_OUT_FORM = 'sign-out'

/** The id of the user menu's button. */
const USER_MENU_BUTTON = 'user-menu-button'

/**
 * Light or dark in one click (product.md, Settings: appearance). A form posting to /theme, so it works
 * without JavaScript; with it, the scheme switches at once and the cookie is written in the browser.
 */
function ThemeToggle() {
  const { setColorScheme } = useMantineColorScheme()
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: true })
  const location = useLocation()
  const next = computed === 'dark' ? 'light' : 'dark'
  return (
    <Form
      method="post"
      action="/theme"
      onSubmit={(event) => {
        event.preventDefault()
        setColorScheme(next)
      }}
    >
      <input type="hidden" name="colorScheme" value={next} />
      <input type="hidden" name="returnTo" value={`${location.pathname}${location.search}`} />
      <ActionIcon type="submit" variant="default" size="lg" aria-label={`Switch to ${next} theme`}>
        {computed === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Form>
  )
}

const UserMenu = lazy(() => import('#app/components/layout/user-menu.tsx'))

/**
 * The user menu's button (the person's initials, name and role). The menu itself
 * (app/components/layout/user-menu.tsx) loads the first time the pointer or focus reaches the
 * button, and opens at once if the button was clicked before it arrived.
 */
function UserMenuButton(props: {
  initials: string
  fullName: string
  role: string
  email: string
  canReadSettings: boolean
}) {
  const { reach, handlers } = useLoadOnReach()
  const button = (early?: boolean) => (
    // Named by what it shows (the person's name and role), so the name people see is the name they can say (WCAG 2.5.3).
    <button
      type="button"
      id={USER_MENU_BUTTON}
      className={classes.userButton}
      data-testid="user-menu"
      {...(early ? handlers : {})}
    >
      <span className={classes.avatar} aria-hidden>
        {props.initials}
      </span>
      <span className={classes.who}>
        <span className={classes.name}>{props.fullName}</span>
        <span className={classes.role}>{props.role}</span>
      </span>
      <IconChevronDown size={14} aria-hidden />
    </button>
  )
  return (
    <Suspense fallback={button(true)}>
      {reach ? (
        <UserMenu
          target={button()}
          email={props.email}
          canReadSettings={props.canReadSettings}
          signOutForm={SIGN_OUT_FORM}
          reach={reach}
        />
      ) : (
        button(true)
      )}
    </Suspense>
  )
}

export default function AppLayout() {
  const { user, flash } = useLoaderData<typeof loader>()
  const ability = useAbility()
  const nav = navFor(ability)
  const [opened, { toggle, close }] = useDisclosure()
  const initials = user.fullName
    .split(/\s+/)
    .map((p) => p[0])
    .join('')
    .slice(0, 2)
    .toUpperCase()

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      {/* The first stop for the keyboard: past the header and the navigation to the page itself. */}
      <a
        href={`#${MAIN_ID}`}
        className={classes.skipLink}
        onClick={(event) => {
          // With JavaScript: move focus without a history entry for the fragment (the router would navigate).
          event.preventDefault()
          document.getElementById(MAIN_ID)?.focus()
        }}
      >
        Skip to main content
      </a>
      <AppShell.Header>
        <div className={classes.bar}>
          <div className={classes.group}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Link to="/dashboard" className={classes.brand} aria-label="Gatehouse home">
              <img src={faviconHref} width={28} height={28} alt="" />
              Gatehouse
            </Link>
          </div>
          <div className={classes.group}>
            <ThemeToggle />
            <UserMenuButton
              initials={initials}
              fullName={user.fullName}
              role={ROLE_LABELS[user.role]}
              email={user.email}
              canReadSettings={ability.can('read', 'settings')}
            />
          </div>
        </div>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <AppShell.Section grow component="nav" data-testid="sidebar-nav">
          {nav.map((item) => (
            <SideNavLink
              key={item.to}
              to={item.to}
              prefetch="intent"
              onClick={close}
              icon={item.icon}
              label={item.label}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Form method="post" action="/logout" id={SIGN_OUT_FORM}>
            <button type="submit" className={sideNavItemClass}>
              <IconLogout size={18} stroke={1.6} aria-hidden />
              Sign out
            </button>
          </Form>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_ID} tabIndex={-1} className={classes.main}>
        {flash && <FlashMessage flash={flash} />}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  )
}

export const ErrorBoundary = RouteErrorBoundary
