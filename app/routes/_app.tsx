import {
  ActionIcon,
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  NavLink,
  Text,
  Title,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, NavLink as RemixNavLink, Outlet, useLoaderData, useSubmit } from '@remix-run/react'
import {
  IconCalendarEvent,
  IconChevronDown,
  IconDashboard,
  IconKey,
  IconLogout,
  IconMoon,
  IconPhone,
  IconSettings,
  IconSun,
  IconUsers,
  IconUserSearch,
} from '@tabler/icons-react'
import type { Icon as TablerIcon } from '@tabler/icons-react'
import { ROLE_LABELS } from '../../server/permissions/policy'
import { RouteErrorBoundary } from '../components/route-error'
import { navFor } from '../nav'
import { requireUser } from '../utils/gate.server'

/** Signed-in layout: the user, the nav items their ability allows, and the ability rules for the UI. */
export function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requireUser(context, request)
  return {
    user: { id: ctx.user.id, fullName: ctx.user.fullName, email: ctx.user.email, role: ctx.user.role },
    nav: navFor(ctx.ability),
    rules: ctx.ability.rules,
  }
}

const ICONS: Record<string, TablerIcon> = {
  '/dashboard': IconDashboard,
  '/candidates': IconUserSearch,
  '/interviews': IconCalendarEvent,
  '/calls': IconPhone,
  '/users': IconUsers,
  '/permissions': IconKey,
  '/settings': IconSettings,
}

function ThemeToggle() {
  const { setColorScheme } = useMantineColorScheme()
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: true })
  const next = computed === 'dark' ? 'light' : 'dark'
  return (
    <ActionIcon variant="default" size="lg" aria-label={`Switch to ${next} theme`} onClick={() => setColorScheme(next)}>
      {computed === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
    </ActionIcon>
  )
}

export default function AppLayout() {
  const { user, nav } = useLoaderData<typeof loader>()
  const [opened, { toggle, close }] = useDisclosure()
  const submit = useSubmit()
  const { setColorScheme } = useMantineColorScheme()
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: true })
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
                <Title order={3} size="h4">Gatehouse</Title>
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
                {nav.some((n) => n.to === '/settings') && (
                  <Menu.Item component={Link} to="/settings" leftSection={<IconSettings size={16} />}>
                    Profile and settings
                  </Menu.Item>
                )}
                <Menu.Item
                  leftSection={computed === 'dark' ? <IconSun size={16} /> : <IconMoon size={16} />}
                  onClick={() => setColorScheme(computed === 'dark' ? 'light' : 'dark')}
                >
                  {computed === 'dark' ? 'Light theme' : 'Dark theme'}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item
                  color="red"
                  leftSection={<IconLogout size={16} />}
                  onClick={() => submit(null, { method: 'post', action: '/logout' })}
                >
                  Sign out
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <AppShell.Section grow component="nav" data-testid="sidebar-nav">
          {nav.map((item) => {
            const Icon = ICONS[item.to] ?? IconDashboard
            return (
              <RemixNavLink key={item.to} to={item.to} prefetch="intent" onClick={close} style={{ textDecoration: 'none', color: 'inherit' }}>
                {({ isActive }) => (
                  <NavLink component="span" label={item.label} active={isActive} leftSection={<Icon size={18} stroke={1.6} />} />
                )}
              </RemixNavLink>
            )
          })}
        </AppShell.Section>
        <AppShell.Section>
          <Form method="post" action="/logout">
            <NavLink component="button" type="submit" label="Sign out" leftSection={<IconLogout size={18} stroke={1.6} />} />
          </Form>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  )
}

export const ErrorBoundary = RouteErrorBoundary
