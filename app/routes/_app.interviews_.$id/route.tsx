import { Anchor, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from '@remix-run/react'
import { IconHistory, IconPencil, IconTrash } from '@tabler/icons-react'
import { InterviewScoreInput, InterviewSetStatusInput } from '#app/utils/schemas.server.ts'
import { asInterview } from '#shared/permissions/ability.ts'
import {
  canBeScoredAt,
  IN_PROGRESS_EARLY_MINS,
  INTERVIEW_STATUS_LABELS,
  INTERVIEW_TRANSITIONS,
  INTERVIEW_TYPE_LABELS,
  transitionsAt,
  type InterviewStatus,
} from '#shared/vocabulary/interviews.ts'
import { FormErrors } from '#app/components/form/form-errors.tsx'
import { modalState, useChildScreen } from '#app/components/form/child-screen.ts'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { InterviewStatusBadge } from '#app/components/status-badges.tsx'
import { useAbility } from '#app/utils/ability.ts'
import { useFormat } from '#app/utils/format.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { readFormData, submitForm } from '#app/utils/forms.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { loadOrThrow } from '#app/utils/route-errors.server.ts'
import { RecordNotes } from '#app/components/layout/record-notes.tsx'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Interview with ${data?.interview.candidate.fullName ?? ''} · Gatehouse` },
]

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'interviews')
  const interview = await loadOrThrow(ctx, request, () => caller(ctx).interviews.byId({ id: params.id ?? '' }))
  // The page offers the status changes and the score form allowed at this moment (product.md, Interviews: status).
  return { interview, now: ctx.services.now() }
}

/**
 * `intent=status` moves the interview along (`interviews.setStatus`); `intent=score` records the
 * score and the scorer's comment (`interviews.score`; an emptied comment is cleared).
 */
export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'interviews', 'update')
  const formData = await readFormData(request)
  formData.set('id', params.id ?? '')
  const here = `/interviews/${params.id ?? ''}`
  if (formData.get('intent') === 'score') {
    const outcome = await submitForm(ctx, request, formData, InterviewScoreInput, (input) =>
      caller(ctx).interviews.score({ ...input, scoreComment: input.scoreComment ?? null }),
    )
    if (!outcome.ok) return outcome.response
    return redirectWithFlash(ctx, here, `Scored ${outcome.result.score}/10.`)
  }
  const outcome = await submitForm(ctx, request, formData, InterviewSetStatusInput, (input) =>
    caller(ctx).interviews.setStatus(input),
  )
  if (!outcome.ok) return outcome.response
  return redirectWithFlash(
    ctx,
    here,
    `The interview is now ${INTERVIEW_STATUS_LABELS[outcome.result.status].toLowerCase()}.`,
  )
}

export default function InterviewPage() {
  const { interview, now: nowText } = useLoaderData<typeof loader>()
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
  const now = new Date(nowText)
  const start = new Date(interview.scheduledAt)
  const next = transitionsAt({ status: interview.status, scheduledAt: start }, now)
  // Changes the rules allow but whose time has not come: said in words instead of offered.
  const waiting = INTERVIEW_TRANSITIONS[interview.status].filter((s) => !next.includes(s))
  const canScore =
    canBeScoredAt({ status: interview.status, scheduledAt: start }, now) && ability.can('score', asInterview(interview))
  const errors = lastResult?.error ?? {}
  const busy = navigation.state === 'submitting'

  return (
    <Stack gap="md">
      <Text size="sm">
        <Link to="/interviews">Interviews</Link> / {interview.candidate.fullName}
      </Text>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} size="h2">
              {INTERVIEW_TYPE_LABELS[interview.interviewType]} interview with {interview.candidate.fullName}
            </Title>
            <InterviewStatusBadge status={interview.status} />
          </Group>
          <Text c="dimmed">{`${format.day(interview.scheduledAt)}, ${format.time(interview.scheduledAt)}–${format.time(end)} (${format.timeZone})`}</Text>
        </Stack>
        <Group gap="sm">
          <Button
            component={Link}
            to={`/audit?target=interview&targetId=${interview.id}`}
            variant="subtle"
            leftSection={<IconHistory size={16} />}
          >
            History
          </Button>
          {canUpdate && interview.status === 'scheduled' && (
            <Button
              component={Link}
              to={`${here}/edit`}
              state={modalState(location)}
              variant="default"
              leftSection={<IconPencil size={16} />}
            >
              Reschedule
            </Button>
          )}
          {ability.can('delete', 'interviews') && (
            <Button
              component={Link}
              to={`${here}/delete`}
              state={modalState(location)}
              variant="light"
              color="red"
              leftSection={<IconTrash size={16} />}
            >
              Delete
            </Button>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            Details
          </Title>
          <Stack gap={4}>
            <Text>
              <Text span c="dimmed">
                Candidate:{' '}
              </Text>
              {ability.can('read', 'candidates') ? (
                <Anchor component={Link} to={`/candidates/${interview.candidate.id}`}>
                  {interview.candidate.fullName}
                </Anchor>
              ) : (
                interview.candidate.fullName
              )}{' '}
              · {interview.candidate.position}
            </Text>
            <Text>
              <Text span c="dimmed">
                Interviewer:{' '}
              </Text>
              {interview.interviewerName}
              {interview.interviewerId ? '' : ' (outside interviewer)'}
            </Text>
            <Text>
              <Text span c="dimmed">
                Length:{' '}
              </Text>
              {interview.durationMins} minutes
            </Text>
            <Text>
              <Text span c="dimmed">
                Score:{' '}
              </Text>
              {interview.score === null ? 'not scored' : `${interview.score}/10`}
            </Text>
          </Stack>
          <RecordNotes notes={interview.notes} empty="No notes." order={3} />
          {(interview.score !== null || interview.scoreComment) && (
            <>
              <Title order={3} size="h5" mt="md" mb={4}>
                Scorer's comment
              </Title>
              <Text style={{ whiteSpace: 'pre-wrap' }} c={interview.scoreComment ? undefined : 'dimmed'}>
                {interview.scoreComment ?? 'No comment.'}
              </Text>
            </>
          )}
        </Paper>
        {canUpdate && (
          <Stack gap="md">
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                Status
              </Title>
              <FormErrors errors={errors.status ?? errors[''] ?? undefined} />
              {waiting.length > 0 && (
                <Text size="sm" c="dimmed" mb="sm">
                  {waitingText(waiting, start, format)}
                </Text>
              )}
              {INTERVIEW_TRANSITIONS[interview.status].length === 0 ? (
                <Text c="dimmed">{INTERVIEW_STATUS_LABELS[interview.status]} is final.</Text>
              ) : next.length === 0 ? null : (
                <Form method="post">
                  <input type="hidden" name="intent" value="status" />
                  <Group gap="sm">
                    {next.map((s) => (
                      <Button
                        key={s}
                        type="submit"
                        name="status"
                        value={s}
                        variant={s === 'completed' || s === 'in_progress' ? 'filled' : 'default'}
                        disabled={busy}
                      >
                        Mark {INTERVIEW_STATUS_LABELS[s].toLowerCase()}
                      </Button>
                    ))}
                  </Group>
                </Form>
              )}
            </Paper>
            {!canScore && canBeScoredAt({ status: interview.status, scheduledAt: start }, now) && (
              <Paper withBorder p="md">
                <Title order={2} size="h4" mb="sm">
                  Score
                </Title>
                <Text c="dimmed">The interviewer, a manager or an admin scores this interview.</Text>
              </Paper>
            )}
            {canScore && (
              <Paper withBorder p="md">
                <Title order={2} size="h4" mb="sm">
                  Score
                </Title>
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
                    <Textarea
                      label="Scorer's comment"
                      name="scoreComment"
                      defaultValue={interview.scoreComment ?? ''}
                      autosize
                      minRows={2}
                      error={errors.scoreComment?.[0] ?? undefined}
                    />
                    <Group justify="flex-end">
                      <Button type="submit" loading={busy}>
                        Save score
                      </Button>
                    </Group>
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

/**
 * Why some changes are not offered yet: "Completed and no-show can be chosen from Thu, 3 Dec 2026
 * 10:00, when it starts; in progress from 09:50." (product.md, Interviews: status).
 */
function waitingText(waiting: readonly InterviewStatus[], start: Date, format: ReturnType<typeof useFormat>) {
  const early = new Date(start.getTime() - IN_PROGRESS_EARLY_MINS * 60_000)
  const atStart = waiting.filter((s) => s !== 'in_progress').map((s) => INTERVIEW_STATUS_LABELS[s].toLowerCase())
  const parts: string[] = []
  if (atStart.length > 0)
    parts.push(`${atStart.join(' and ')} can be chosen from ${format.day(start)} ${format.time(start)}, when it starts`)
  if (waiting.includes('in_progress')) parts.push(`in progress from ${format.day(early)} ${format.time(early)}`)
  const sentence = parts.join('; ')
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`
}

export const ErrorBoundary = RouteErrorBoundary
