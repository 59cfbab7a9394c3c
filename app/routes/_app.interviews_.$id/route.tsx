import { Anchor, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from '@remix-run/react'
import { IconHistory, IconPencil, IconTrash } from '@tabler/icons-react'
import { InterviewScoreInput, InterviewSetStatusInput } from '#app/utils/schemas.server.ts'
import { INTERVIEW_STATUS_LABELS, INTERVIEW_TRANSITIONS, INTERVIEW_TYPE_LABELS } from '#shared/vocabulary/interviews.ts'
import { FormErrors } from '#app/components/form/form-errors.tsx'
import { modalState, useChildScreen } from '#app/components/form/form-screen.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { InterviewStatusBadge } from '#app/components/status-badges.tsx'
import { useAbility } from '#app/utils/ability.ts'
import { useFormat } from '#app/utils/format.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { readFormData, submitForm } from '#app/utils/forms.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller, loadOrThrow } from '#app/utils/procedure.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Interview with ${data?.interview.candidate.fullName ?? ''} · Gatehouse` }]

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'interviews')
  const interview = await loadOrThrow(ctx, request, () => caller(ctx).interviews.byId({ id: params.id ?? '' }))
  return { interview }
}

/** `intent=status` moves the interview along (`interviews.setStatus`); `intent=score` records the score (`interviews.score`). */
export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'interviews', 'update')
  const formData = await readFormData(request)
  formData.set('id', params.id ?? '')
  const here = `/interviews/${params.id ?? ''}`
  if (formData.get('intent') === 'score') {
    const outcome = await submitForm(ctx, request, formData, InterviewScoreInput, (input) => caller(ctx).interviews.score(input))
    if (!outcome.ok) return outcome.response
    return redirectWithFlash(ctx, here, `Scored ${outcome.result.score}/10.`)
  }
  const outcome = await submitForm(ctx, request, formData, InterviewSetStatusInput, (input) => caller(ctx).interviews.setStatus(input))
  if (!outcome.ok) return outcome.response
  return redirectWithFlash(ctx, here, `The interview is now ${INTERVIEW_STATUS_LABELS[outcome.result.status].toLowerCase()}.`)
}

export default function InterviewPage() {
  const { interview } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const { outlet, replacesContent } = useChildScreen()
  const ability = useAbility()
  const location = useLocation()
  const navigation = useNavigation()
  const format = useFormat()
  if (replacesContent) return outlet
  const here = `/interviews/${interview.id}`
  const end = new Date(new Date(interview.scheduledAt).getTime() + interview.durationMins * 60_000)
  const canUpdate = ability.can('update', 'interviews')
  const next = INTERVIEW_TRANSITIONS[interview.status]
  const errors = lastResult?.error ?? {}
  const busy = navigation.state === 'submitting'

  return (
    <Stack gap="md">
      <Text size="sm"><Link to="/interviews">Interviews</Link> / {interview.candidate.fullName}</Text>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} size="h2">{INTERVIEW_TYPE_LABELS[interview.interviewType]} interview with {interview.candidate.fullName}</Title>
            <InterviewStatusBadge status={interview.status} />
          </Group>
          <Text c="dimmed">{`${format.day(interview.scheduledAt)}, ${format.time(interview.scheduledAt)}–${format.time(end)} (${format.timeZone})`}</Text>
        </Stack>
        <Group gap="sm">
          <Button component={Link} to={`/audit?target=interview&targetId=${interview.id}`} variant="subtle" leftSection={<IconHistory size={16} />}>History</Button>
          {canUpdate && interview.status === 'scheduled' && (
            <Button component={Link} to={`${here}/edit`} state={modalState(location)} variant="default" leftSection={<IconPencil size={16} />}>Reschedule</Button>
          )}
          {ability.can('delete', 'interviews') && (
            <Button component={Link} to={`${here}/delete`} state={modalState(location)} variant="light" color="red" leftSection={<IconTrash size={16} />}>Delete</Button>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">Details</Title>
          <Stack gap={4}>
            <Text>
              <Text span c="dimmed">Candidate: </Text>
              {ability.can('read', 'candidates') ? <Anchor component={Link} to={`/candidates/${interview.candidate.id}`}>{interview.candidate.fullName}</Anchor> : interview.candidate.fullName}
              {' '}· {interview.candidate.position}
            </Text>
            <Text><Text span c="dimmed">Interviewer: </Text>{interview.interviewerName}{interview.interviewerId ? '' : ' (outside interviewer)'}</Text>
            <Text><Text span c="dimmed">Length: </Text>{interview.durationMins} minutes</Text>
            <Text><Text span c="dimmed">Score: </Text>{interview.score === null ? 'not scored' : `${interview.score}/10`}</Text>
          </Stack>
          <Title order={3} size="h5" mt="md" mb={4}>Notes</Title>
          <Text style={{ whiteSpace: 'pre-wrap' }} c={interview.notes ? undefined : 'dimmed'}>{interview.notes ?? 'No notes.'}</Text>
        </Paper>
        {canUpdate && (
          <Stack gap="md">
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">Status</Title>
              <FormErrors errors={errors.status ?? errors[''] ?? undefined} />
              {next.length === 0 ? (
                <Text c="dimmed">{INTERVIEW_STATUS_LABELS[interview.status]} is final.</Text>
              ) : (
                <Form method="post">
                  <input type="hidden" name="intent" value="status" />
                  <Group gap="sm">
                    {next.map((s) => (
                      <Button key={s} type="submit" name="status" value={s} variant={s === 'completed' || s === 'in_progress' ? 'filled' : 'default'} disabled={busy}>
                        Mark {INTERVIEW_STATUS_LABELS[s].toLowerCase()}
                      </Button>
                    ))}
                  </Group>
                </Form>
              )}
            </Paper>
            {interview.status === 'completed' && (
              <Paper withBorder p="md">
                <Title order={2} size="h4" mb="sm">Score</Title>
                <Form method="post">
                  <input type="hidden" name="intent" value="score" />
                  <Stack gap="sm">
                    <NativeSelect
                      label="Score (1-10)"
                      name="score"
                      defaultValue={interview.score === null ? '' : String(interview.score)}
                      error={errors.score?.[0] ?? undefined}
                      data={[{ value: '', label: 'Choose…' }, ...Array.from({ length: 10 }, (_, i) => String(i + 1))]}
                      w={160}
                    />
                    <Textarea label="Scorer's comment" name="notes" defaultValue={interview.notes ?? ''} autosize minRows={2} error={errors.notes?.[0] ?? undefined} />
                    <Group justify="flex-end"><Button type="submit" loading={busy}>Save score</Button></Group>
                  </Stack>
                </Form>
              </Paper>
            )}
          </Stack>
        )}
      </SimpleGrid>
      {outlet}
    </Stack>
  )
}

export const ErrorBoundary = RouteErrorBoundary
