import { Alert, Button, Center, Code, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { IconAlertCircle, IconShieldLock } from '@tabler/icons-react'
import { zod4Resolver } from 'mantine-form-zod-resolver'
import { LoginInput } from '#shared/schemas/auth.ts'
import { caller } from '#app/utils/caller.server.ts'
import { actionFailure } from '#app/utils/route-errors.server.ts'
import { safeRedirect } from '#app/utils/safe-redirect.ts'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'

export const meta: MetaFunction = () => [{ title: 'Sign in · Gatehouse' }]

/** Passes the action's Retry-After (429 on too many failed sign-ins, product.md, Security baseline) to the document response. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After')
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers()
}

export function loader({ context, request }: LoaderFunctionArgs) {
  if (context.ctx.user) throw redirect(safeRedirect(new URL(request.url).searchParams.get('redirectTo')))
  return { showDemoAccounts: context.ctx.services.config.showDemoAccounts }
}

/** Signs in through `auth.login` and redirects to a safe `redirectTo` with the new session cookie. */
export async function action({ context, request }: ActionFunctionArgs) {
  const form = await request.formData()
  const { ctx } = context
  try {
    await caller(ctx).auth.login({ email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') })
  } catch (e) {
    return actionFailure(ctx, e)
  }
  return redirect(safeRedirect(form.get('redirectTo')), { headers: ctx.responseHeaders })
}

export default function LoginPage() {
  const { showDemoAccounts } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const redirectTo = searchParams.get('redirectTo') ?? ''
  const form = useForm({ mode: 'uncontrolled', initialValues: { email: '', password: '' }, validate: zod4Resolver(LoginInput) })
  const serverErrors = actionData && !actionData.ok ? actionData.error : null

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-body)">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <Stack gap="md">
          <Stack gap={4} align="center">
            <IconShieldLock size={40} color="var(--mantine-color-indigo-6)" />
            <Title order={1} size="h2">Sign in to Gatehouse</Title>
            <Text c="dimmed" size="sm">Staff back office</Text>
          </Stack>
          {serverErrors && (
            <Alert color="red" icon={<IconAlertCircle />} role="alert" title="Sign-in failed">
              {serverErrors.message}
            </Alert>
          )}
          <Form
            method="post"
            noValidate
            onSubmit={(event) => {
              if (form.validate().hasErrors) event.preventDefault()
            }}
          >
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <Stack gap="sm">
              <TextInput
                label="Email"
                name="email"
                type="email"
                autoComplete="username"
                required
                autoFocus
                key={form.key('email')}
                {...form.getInputProps('email')}
                error={form.errors.email ?? serverErrors?.fieldErrors?.email?.[0]}
              />
              <PasswordInput
                label="Password"
                name="password"
                autoComplete="current-password"
                required
                key={form.key('password')}
                {...form.getInputProps('password')}
                error={form.errors.password ?? serverErrors?.fieldErrors?.password?.[0]}
              />
              <Button type="submit" loading={navigation.state !== 'idle' && navigation.formAction === '/login'} fullWidth mt="xs">
                Sign in
              </Button>
            </Stack>
          </Form>
          {showDemoAccounts && (
            <Text size="xs" c="dimmed" ta="center">
              Demo accounts: <Code>admin@gatehouse.test</Code>, <Code>manager@…</Code>, <Code>agent@…</Code>,{' '}
              <Code>viewer@…</Code> with the seed password (README).
            </Text>
          )}
        </Stack>
      </Paper>
    </Center>
  )
}

export const ErrorBoundary = RouteErrorBoundary
