import { Button, Group, Paper, Title } from '@mantine/core'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useLocation } from '@remix-run/react'
import { RevokeSessionInput } from '#app/utils/schemas.server.ts'
import { modalState, useChildScreen } from '#app/components/form/child-screen.ts'
import { SessionsTable } from '#app/components/sessions/sessions-table.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { readFormData, submitForm } from '#app/utils/forms.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { loadOrThrow } from '#app/utils/route-errors.server.ts'

export const meta: MetaFunction = () => [{ title: 'Sessions · Settings · Gatehouse' }]

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'settings')
  const sessions = await loadOrThrow(ctx, request, () => caller(ctx).sessions.mine())
  return { sessions }
}

/** Signs out one of one's own sessions (`sessions.revoke`, audited `session_revoked`). */
export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'settings')
  const outcome = await submitForm(ctx, request, await readFormData(request), RevokeSessionInput, (input) =>
    caller(ctx).sessions.revoke(input),
  )
  if (!outcome.ok) return outcome.response
  return redirectWithFlash(ctx, '/settings/sessions', 'That session was signed out.')
}

export default function SessionsSettings() {
  const { sessions } = useLoaderData<typeof loader>()
  const { outlet, replacesContent } = useChildScreen()
  const location = useLocation()
  if (replacesContent) return outlet
  const others = sessions.filter((s) => !s.current).length
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Your sessions
        </Title>
        {others > 0 && (
          <Button
            component={Link}
            to="/settings/sessions/others"
            state={modalState(location)}
            variant="light"
            color="red"
          >
            Sign out everywhere else
          </Button>
        )}
      </Group>
      <SessionsTable
        sessions={sessions}
        label="Your sessions"
        rowTestId={(s) => (s.current ? 'current-session' : 'other-session')}
      />
      {outlet}
    </Paper>
  )
}

export const ErrorBoundary = RouteErrorBoundary
