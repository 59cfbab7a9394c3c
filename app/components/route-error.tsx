import { Button, Center, Stack, Text, Title } from '@mantine/core'
import { isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from '@remix-run/react'
import { INTERNAL_ERROR_MESSAGE, type PublicError } from '#shared/errors.ts'
import type { loader as rootLoader } from '../root'
import { Notice, NoticeCode, NoticeList } from './notice'
import { Unauthorized } from './unauthorized'

const TITLES: Record<number, string> = {
  400: 'Bad request',
  404: 'Not found',
  409: 'Conflict',
  413: 'Too large',
  429: 'Too many requests',
  500: 'Something went wrong',
}

/**
 * The error boundary every route exports (product.md, Errors): 403 renders the Unauthorized page,
 * 400 lists what was wrong with the request, 404 says so, an internal error shows only a reference
 * (the request id, also in the server log and the `X-Request-Id` header). Drawn with ./notice.tsx,
 * not Mantine's Alert, List and Code: every route imports this, so their CSS would load on every page.
 */
export function RouteErrorBoundary() {
  const error = useRouteError()
  const root = useRouteLoaderData<typeof rootLoader>('root')
  if (isRouteErrorResponse(error)) {
    const body = (error.data ?? {}) as Partial<PublicError>
    if (error.status === 403) return <Unauthorized message={body.message} />
    const details = Object.values(body.fieldErrors ?? {}).flat()
    const internal = error.status >= 500
    return (
      <ErrorPanel
        title={TITLES[error.status] ?? `Error ${error.status}`}
        message={
          internal
            ? INTERNAL_ERROR_MESSAGE
            : (body.message ??
              (error.status === 404 ? 'There is nothing at this address.' : 'The request could not be completed.'))
        }
        details={details}
        reference={internal ? (body.requestId ?? root?.requestId ?? null) : null}
      />
    )
  }
  return (
    <ErrorPanel
      title="Something went wrong"
      message={INTERNAL_ERROR_MESSAGE}
      details={[]}
      reference={root?.requestId ?? null}
    />
  )
}

function ErrorPanel(props: { title: string; message: string; details: string[]; reference: string | null }) {
  return (
    <Center mih={300} p="md">
      <Stack maw={560} gap="sm">
        <Title order={1} size="h2">
          {props.title}
        </Title>
        <Text>{props.message}</Text>
        {props.details.length > 0 && (
          <Notice color="orange">
            <NoticeList items={props.details} />
          </Notice>
        )}
        {props.reference && (
          <Text size="sm">
            If it keeps happening, tell your administrator this reference:{' '}
            <NoticeCode data-testid="error-reference">{props.reference}</NoticeCode>
          </Text>
        )}
        <Button component={Link} to="/dashboard" variant="light" w="fit-content">
          Back to the dashboard
        </Button>
      </Stack>
    </Center>
  )
}
