import { Button, Center, Code, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import {
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { IconShieldLock } from '@tabler/icons-react'
import { FormErrors } from '#app/components/form/form-errors.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { caller } from '#app/utils/caller.server.ts'
import { LoginInput } from '#app/utils/schemas.server.ts'
import { useSchemaForm } from '#app/utils/forms.ts'
import { Field } from '#app/components/form/field.tsx'
import { readFormData, submitForm } from '#app/utils/forms.server.ts'
import { safeRedirect } from '#app/utils/safe-redirect.ts'

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

/**
 * Signs in through `auth.login` (the form is parsed with its own schema, `LoginInput`) and redirects
 * to a safe `redirectTo` with the new session cookie. Empty or malformed fields answer 400 with field
 * messages; a wrong email or password 401 with one generic message; too many attempts 429 with
 * Retry-After. The password is never sent back.
 */
export async function action({ context, request }: ActionFunctionArgs) {
  const { ctx } = context
  const formData = await readFormData(request)
  const outcome = await submitForm(ctx, request, formData, LoginInput, (input) => caller(ctx).auth.login(input), {
    hideFields: ['password'],
    unauthorizedIsRefusal: true,
  })
  if (!outcome.ok) return outcome.response
  return redirect(safeRedirect(formData.get('redirectTo')), { headers: ctx.responseHeaders })
}

export default function LoginPage() {
  const { showDemoAccounts } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const redirectTo = searchParams.get('redirectTo') ?? ''
  const [form, fields] = useSchemaForm(() => import('#shared/schemas/auth.ts').then((m) => m.LoginInput), {
    id: 'login',
    lastResult: actionData,
  })

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-body)">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <Stack gap="md">
          <Stack gap={4} align="center">
            <IconShieldLock size={40} color="var(--mantine-color-indigo-6)" />
            <Title order={1} size="h2">
              Sign in to Gatehouse
            </Title>
            <Text c="dimmed" size="sm">
              Staff back office
            </Text>
          </Stack>
          <FormErrors errors={form.errors} id={form.errorId} title="Sign-in failed" />
          <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <Stack gap="sm">
              <Field
                as={TextInput}
                field={fields.email!}
                label="Email"
                type="email"
                autoComplete="username"
                required
                autoFocus
              />
              <Field
                as={PasswordInput}
                field={fields.password!}
                label="Password"
                autoComplete="current-password"
                required
                defaultValue=""
              />
              <Button
                type="submit"
                loading={navigation.state !== 'idle' && navigation.formAction === '/login'}
                fullWidth
                mt="xs"
              >
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
