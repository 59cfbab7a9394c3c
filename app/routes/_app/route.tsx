import { ActionIcon, AppShell, Avatar, Burger, Group, Menu, NavLink, Text, UnstyledButton, useComputedColorScheme, useMantineColorScheme } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, NavLink as RemixNavLink, Outlet, useLoaderData, useLocation } from '@remix-run/react'
import { IconChevronDown, IconLogout, IconMoon, IconSettings, IconSun } from '@tabler/icons-react'
import { ROLE_LABELS } from '#shared/permissions/policy.ts'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { navFor } from '#app/nav.ts'
import { useAbility } from '#app/utils/ability.ts'
import { readFlash } from '#app/utils/flash.server.ts'
import { requireUser } from '#app/utils/gate.server.ts'
import { FlashMessage } from '#app/components/flash-message.tsx'

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

/** The id of the one sign-out form; the user menu's item submits it too. */
const SIGN_OUT_FORM = 'sign-out'

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

export default function AppLayout() {
  const { user, flash } = useLoaderData<typeof loader>()
  const ability = useAbility()
  const nav = navFor(ability)
  const [opened, { toggle, close }] = useDisclosure()
  const initials = user.fullName.split(/\s+/).map((p) => p[0]).join('').slice(0, 2).toUpperCase()

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <UnstyledButton component={Link} to="/dashboard" aria-label="Gatehouse home">
              <Group gap={8}>
                <img src="/favicon.svg" width={28} height={28} alt="" />
                <Text fw={700} size="lg">Gatehouse</Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="sm">
            <ThemeToggle />
            <Menu position="bottom-end" width={220} withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label="User menu" data-testid="user-menu">
                  <Group gap={8}>
                    <Avatar radius="xl" size={32} color="indigo">{initials}</Avatar>
                    <div style={{ lineHeight: 1.1 }}>
                      <Text size="sm" fw={600}>{user.fullName}</Text>
                      <Text size="xs" c="dimmed">{ROLE_LABELS[user.role]}</Text>
                    </div>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{user.email}</Menu.Label>
                {ability.can('read', 'settings') && (
                  <Menu.Item component={Link} to="/settings" leftSection={<IconSettings size={16} />}>
                    Profile and settings
                  </Menu.Item>
                )}
                <Menu.Divider />
                <Menu.Item component="button" type="submit" form={SIGN_OUT_FORM} color="red" leftSection={<IconLogout size={16} />}>
                  Sign out
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <AppShell.Section grow component="nav" data-testid="sidebar-nav">
          {nav.map((item) => (
            <RemixNavLink key={item.to} to={item.to} prefetch="intent" onClick={close} style={{ textDecoration: 'none', color: 'inherit' }}>
              {({ isActive }) => <NavLink component="span" label={item.label} active={isActive} leftSection={<item.icon size={18} stroke={1.6} />} />}
            </RemixNavLink>
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Form method="post" action="/logout" id={SIGN_OUT_FORM}>
            <NavLink component="button" type="submit" label="Sign out" leftSection={<IconLogout size={18} stroke={1.6} />} />
          </Form>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        {flash && <FlashMessage flash={flash} />}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  )
}

export const ErrorBoundary = RouteErrorBoundary
