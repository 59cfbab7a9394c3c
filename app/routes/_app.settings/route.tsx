import { Group, Paper, Stack, Title } from '@mantine/core'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { SideNavLink } from '#app/components/layout/side-nav-link.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { requirePage } from '#app/utils/gate.server.ts'

/** Settings (product.md, Settings): one's own profile, password, appearance and sessions, each a sub-page. */
export function loader({ context, request }: LoaderFunctionArgs) {
  requirePage(context, request, 'settings')
  return null
}

const TABS = [
  { to: '/settings', label: 'Profile', end: true },
  { to: '/settings/password', label: 'Password', end: false },
  { to: '/settings/appearance', label: 'Appearance', end: false },
  { to: '/settings/sessions', label: 'Sessions', end: false },
]

export default function SettingsLayout() {
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Settings
      </Title>
      <Group align="flex-start" gap="lg" wrap="wrap">
        <Paper withBorder p={4} w={200} component="nav" aria-label="Settings sections">
          {TABS.map((tab) => (
            <SideNavLink key={tab.to} to={tab.to} end={tab.end} label={tab.label} />
          ))}
        </Paper>
        <Stack style={{ flex: 1, minWidth: 320 }} maw={760}>
          <Outlet />
        </Stack>
      </Group>
    </Stack>
  )
}

export const ErrorBoundary = RouteErrorBoundary
