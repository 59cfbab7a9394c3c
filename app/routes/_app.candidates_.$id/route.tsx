import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { IconCalendarPlus, IconPhonePlus } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { CandidateSetStatusInput, CLOSING_CANDIDATE_STATUSES } from '#app/utils/schemas.server.ts'
import { BUSY_INTERVIEW_STATUSES } from '#shared/vocabulary/interviews.ts'
import {
  CandidateCalls,
  CandidateInterviews,
  ContactDetails,
  StatusControl,
} from '#app/components/candidates/candidate-profile.tsx'
import { useChildScreen } from '#app/components/form/child-screen.ts'
import { DetailHeader, RecordActions } from '#app/components/layout/detail-header.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { CandidateStatusBadge } from '#app/components/status-badges.tsx'
import { useAbility } from '#app/utils/ability.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { readFormData, submitForm } from '#app/utils/forms.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { phoneText } from '#app/utils/phone.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { loadOrThrow } from '#app/utils/route-errors.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.candidate.fullName ?? 'Candidate'} · Gatehouse` },
]

/** One candidate with their interviews and calls (product.md, Candidates: the candidate page). */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'candidates')
  const candidate = await loadOrThrow(ctx, request, () => caller(ctx).candidates.byId({ id: params.id ?? '' }))
  return {
    candidate: {
      ...candidate,
      phoneText: phoneText(ctx, candidate.phone),
      calls: candidate.calls.map((c) => ({ ...c, callerNumberText: phoneText(ctx, c.callerNumber) })),
    },
    openInterviews: candidate.interviews.filter((i) => isOpen(i.status)).length,
  }
}

/** Scheduled or in progress: what rejecting or hiring may cancel. */
const isOpen = (status: string) => (BUSY_INTERVIEW_STATUSES as readonly string[]).includes(status)

/**
 * Changes the candidate's status (`candidates.setStatus`, audited) and comes back here with a flash.
 * Rejecting or hiring someone with scheduled or in-progress interviews goes to the confirmation
 * (`/candidates/:id/status`) instead, which asks whether to cancel them (product.md, Candidates).
 */
export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'candidates', 'update')
  const formData = await readFormData(request)
  formData.set('id', params.id ?? '')
  const target = formData.get('status')
  if (typeof target === 'string' && (CLOSING_CANDIDATE_STATUSES as readonly string[]).includes(target)) {
    const candidate = await loadOrThrow(ctx, request, () => caller(ctx).candidates.byId({ id: params.id ?? '' }))
    if (candidate.interviews.some((i) => isOpen(i.status)))
      return redirect(`/candidates/${candidate.id}/status?${new URLSearchParams({ status: target })}`)
  }
  const outcome = await submitForm(ctx, request, formData, CandidateSetStatusInput, (input) =>
    caller(ctx).candidates.setStatus(input),
  )
  if (!outcome.ok) return outcome.response
  return redirectWithFlash(
    ctx,
    `/candidates/${outcome.result.id}`,
    `${outcome.result.fullName} is now ${outcome.result.status}.`,
  )
}

export default function CandidatePage() {
  const { candidate, openInterviews } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const { outlet, replacesContent } = useChildScreen()
  const ability = useAbility()
  if (replacesContent) return outlet
  const here = `/candidates/${candidate.id}`

  return (
    <Stack gap="md">
      <DetailHeader
        parent={{ to: '/candidates', label: 'Candidates' }}
        name={candidate.fullName}
        title={candidate.fullName}
        badges={<CandidateStatusBadge status={candidate.status} />}
        actions={
          <RecordActions
            history={`/audit?target=candidate&targetId=${candidate.id}`}
            editTo={ability.can('update', 'candidates') ? `${here}/edit` : undefined}
            deleteTo={ability.can('delete', 'candidates') ? `${here}/delete` : undefined}
          />
        }
      >
        <Text c="dimmed">{candidate.position}</Text>
      </DetailHeader>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ContactDetails candidate={candidate} />
        {ability.can('update', 'candidates') && (
          <StatusControl
            status={candidate.status}
            openInterviews={openInterviews}
            here={here}
            error={lastResult?.error?.status?.[0] ?? lastResult?.error?.['']?.[0]}
          />
        )}
      </SimpleGrid>
      <CountedSection
        title="Interviews"
        count={candidate.interviews.length}
        action={
          ability.can('create', 'interviews') && (
            <Button
              component={Link}
              to={`/interviews/new?${new URLSearchParams({ candidateId: candidate.id, returnTo: here })}`}
              leftSection={<IconCalendarPlus size={16} />}
              size="sm"
            >
              Schedule interview
            </Button>
          )
        }
      >
        <CandidateInterviews interviews={candidate.interviews} canOpen={ability.can('read', 'interviews')} />
      </CountedSection>
      <CountedSection
        title="Calls"
        count={candidate.calls.length}
        action={
          ability.can('create', 'calls') && (
            <Button
              component={Link}
              to={`/calls/new?${new URLSearchParams({ candidateId: candidate.id, callerName: candidate.fullName, callerNumber: candidate.phone ?? '', returnTo: here })}`}
              leftSection={<IconPhonePlus size={16} />}
              size="sm"
              variant="light"
            >
              Log a call
            </Button>
          )
        }
      >
        <CandidateCalls calls={candidate.calls} canOpen={ability.can('read', 'calls')} />
      </CountedSection>
      {outlet}
    </Stack>
  )
}

export const ErrorBoundary = RouteErrorBoundary

/**
 * One of the candidate's related lists: a card titled `title` with a badge counting `count` records,
 * `action` (a button, or nothing when the user may not) on the right of the title, then `children`.
 */
function CountedSection(props: { title: string; count: number; action: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {props.title}{' '}
          <Badge variant="light" ml={4}>
            {props.count}
          </Badge>
        </Title>
        {props.action}
      </Group>
      {props.children}
    </Paper>
  )
}
