import { Button, Group, Paper, Radio, Stack, Text, Title, useMantineColorScheme } from '@mantine/core'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import {
  COLOR_SCHEME_LABELS,
  COLOR_SCHEMES,
  colorSchemeFromCookie,
  type ColorSchemePreference,
} from '#shared/color-scheme.ts'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { requirePage } from '#app/utils/gate.server.ts'

export const meta: MetaFunction = () => [{ title: 'Appearance · Settings · Gatehouse' }]

export function loader({ context, request }: LoaderFunctionArgs) {
  requirePage(context, request, 'settings')
  return { colorScheme: colorSchemeFromCookie(request.headers.get('cookie')) }
}

/**
 * Light, dark or follow the system (product.md, Settings: appearance): the same preference as the
 * header toggle, posted to /theme so it works without JavaScript and applied at once with it.
 */
export default function AppearanceSettings() {
  const { colorScheme } = useLoaderData<typeof loader>()
  const { setColorScheme } = useMantineColorScheme()
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        Appearance
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Remembered in this browser; the header's moon and sun switch the same setting.
      </Text>
      <Form
        method="post"
        action="/theme"
        onSubmit={(event) => {
          const value = new FormData(event.currentTarget).get('colorScheme') as ColorSchemePreference
          setColorScheme(value)
        }}
      >
        <input type="hidden" name="returnTo" value="/settings/appearance" />
        <Stack gap="sm">
          <fieldset style={{ border: 0, padding: 0, margin: 0 }} key={colorScheme}>
            <Text component="legend" fw={500} size="sm">
              Colour scheme
            </Text>
            <Stack gap="xs" mt="xs">
              {COLOR_SCHEMES.map((s) => (
                <Radio
                  key={s}
                  name="colorScheme"
                  value={s}
                  label={COLOR_SCHEME_LABELS[s]}
                  defaultChecked={s === colorScheme}
                />
              ))}
            </Stack>
          </fieldset>
          <Group justify="flex-end">
            <Button type="submit">Save appearance</Button>
          </Group>
        </Stack>
      </Form>
    </Paper>
  )
}

export const ErrorBoundary = RouteErrorBoundary
