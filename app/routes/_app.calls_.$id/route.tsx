import { Anchor, Badge, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { formatDuration } from '#shared/duration.ts'
import { CallSetImportantInput } from '#app/utils/schemas.server.ts'
import { CALL_DIRECTION_LABELS, CALL_OUTCOME_LABELS } from '#shared/vocabulary/calls.ts'
import { ImportantToggle } from '#app/components/calls/call-table.tsx'
import { RowIconSprite } from '#app/components/list/rows.tsx'
import { useChildScreen } from '#app/components/form/child-screen.ts'
import { DetailHeader, RecordActions } from '#app/components/layout/detail-header.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { useAbility } from '#app/utils/ability.ts'
import { useFormat } from '#app/utils/format.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { readFormData, submitForm } from '#app/utils/forms.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { phoneText } from '#app/utils/phone.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { loadOrThrow } from '#app/utils/route-errors.server.ts'
import { safeRedirect } from '#app/utils/safe-redirect.ts'
import { RecordNotes } from '#app/components/layout/record-notes.tsx'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Call with ${data?.call.callerName ?? ''} · Gatehouse` },
]

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'calls')
  const call = await loadOrThrow(ctx, request, () => caller(ctx).calls.byId({ id: params.id ?? '' }))
  return { call: { ...call, callerNumberText: phoneText(ctx, call.callerNumber) } }
}

/** The important flag in one click (`calls.setImportant`, audited), from this page or a row of the log. */
export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'calls', 'update')
  const formData = await readFormData(request)
  formData.set('id', params.id ?? '')
  const outcome = await submitForm(ctx, request, formData, CallSetImportantInput, (input) =>
    caller(ctx).calls.setImportant(input),
  )
  if (!outcome.ok) return outcome.response
  const call = outcome.result
  const returnTo = safeRedirect(String(formData.get('returnTo') ?? ''), `/calls/${call.id}`)
  return redirectWithFlash(
    ctx,
    returnTo,
    call.isImportant
      ? `The call with ${call.callerName} is flagged important.`
      : `The call with ${call.callerName} is no longer flagged.`,
  )
}

export default function CallPage() {
  const { call } = useLoaderData<typeof loader>()
  const { outlet, replacesContent } = useChildScreen()
  const ability = useAbility()
  const format = useFormat()
  if (replacesContent) return outlet
  const here = `/calls/${call.id}`
  return (
    <Stack gap="md">
      <DetailHeader
        parent={{ to: '/calls', label: 'Calls' }}
        name={call.callerName}
        title={<>Call with {call.callerName}</>}
        badges={call.isImportant && <Badge color="yellow">Important</Badge>}
        actions={
          <RecordActions
            history={`/audit?target=call&targetId=${call.id}`}
            editTo={ability.can('update', 'calls') ? `${here}/edit` : undefined}
            deleteTo={ability.can('delete', 'calls') ? `${here}/delete` : undefined}
          >
            <ImportantToggle call={call} canUpdate={ability.can('update', 'calls')} returnTo={here} />
            <RowIconSprite />
          </RecordActions>
        }
      >
        <Text c="dimmed">{format.dateTime(call.calledAt)}</Text>
      </DetailHeader>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Text>
            <Text span c="dimmed">
              {'Number: '}
            </Text>
            <Anchor href={`tel:${call.callerNumber}`}>{call.callerNumberText}</Anchor>
          </Text>
          <Text>
            <Text span c="dimmed">
              {'Direction: '}
            </Text>
            {CALL_DIRECTION_LABELS[call.direction]}
          </Text>
          <Text>
            <Text span c="dimmed">
              {'Outcome: '}
            </Text>
            {CALL_OUTCOME_LABELS[call.outcome]}
          </Text>
          <Text>
            <Text span c="dimmed">
              {'Duration: '}
            </Text>
            {formatDuration(call.durationSecs)}
          </Text>
          <Text>
            <Text span c="dimmed">
              {'Candidate: '}
            </Text>
            {call.candidate ? (
              ability.can('read', 'candidates') ? (
                <Anchor component={Link} to={`/candidates/${call.candidate.id}`}>
                  {call.candidate.fullName}
                </Anchor>
              ) : (
                call.candidate.fullName
              )
            ) : (
              '—'
            )}
          </Text>
        </SimpleGrid>
        <RecordNotes notes={call.notes} empty="No notes." order={2} />
      </Paper>
      {outlet}
    </Stack>
  )
}

export const ErrorBoundary = RouteErrorBoundary
