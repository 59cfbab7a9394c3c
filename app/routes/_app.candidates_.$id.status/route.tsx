/**
 * `/candidates/:id/status?status=rejected|hired`: the confirmation before rejecting or hiring a
 * candidate who has scheduled or in-progress interviews (product.md, Candidates: rejecting or hiring
 * with interviews ahead). It lists those interviews with "Cancel their N scheduled interviews" checked;
 * confirming calls `candidates.setStatus` with `cancelInterviews` as the box says, in one transaction.
 * A modal over the candidate page with JavaScript, a page without.
 */
import { Checkbox, List, Text } from '@mantine/core'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { CandidateSetStatusInput, CandidateStatusConfirmInput } from '#app/utils/schemas.server.ts'
import { CANDIDATE_STATUS_LABELS } from '#shared/vocabulary/candidates.ts'
import {
  BUSY_INTERVIEW_STATUSES,
  INTERVIEW_STATUS_LABELS,
  INTERVIEW_TYPE_LABELS,
} from '#shared/vocabulary/interviews.ts'
import { ConfirmScreen } from '#app/components/form/confirm-screen.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { useFormat } from '#app/utils/format.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { readFormData, submitForm } from '#app/utils/forms.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { listParamsFrom } from '#app/utils/list-params.server.ts'
import { loadOrThrow } from '#app/utils/route-errors.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Change the status of ${data?.fullName ?? 'a candidate'} · Gatehouse` },
]

const isOpen = (status: string) => (BUSY_INTERVIEW_STATUSES as readonly string[]).includes(status)

/** The candidate, the status asked for (`?status=`, 400 when unknown) and their scheduled or in-progress interviews. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'candidates', 'update')
  const { status } = listParamsFrom(context, new URL(request.url), CandidateStatusConfirmInput)
  const candidate = await loadOrThrow(ctx, request, () => caller(ctx).candidates.byId({ id: params.id ?? '' }))
  const interviews = candidate.interviews
    .filter((i) => isOpen(i.status))
    .sort((a, b) => new Date(a.scheduledAt).getTime() - new Date(b.scheduledAt).getTime())
    .map((i) => ({
      id: i.id,
      scheduledAt: i.scheduledAt,
      status: i.status,
      interviewType: i.interviewType,
      interviewerName: i.interviewerName,
    }))
  return {
    id: candidate.id,
    fullName: candidate.fullName,
    status,
    interviews,
    // Cancelling is an interview change: only offered to whoever may update interviews (the procedure checks too).
    canCancel: (status === 'rejected' || status === 'hired') && ctx.ability.can('update', 'interviews'),
  }
}

/** Sets the status; `cancelInterviews` is the checkbox (unchecked: false, the interviews stay). */
export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'candidates', 'update')
  const formData = await readFormData(request)
  formData.set('id', params.id ?? '')
  const outcome = await submitForm(ctx, request, formData, CandidateSetStatusInput, (input) =>
    caller(ctx).candidates.setStatus({ ...input, cancelInterviews: input.cancelInterviews ?? false }),
  )
  if (!outcome.ok) return outcome.response
  const { fullName, status, interviewsCancelled } = outcome.result
  const cancelled =
    interviewsCancelled === 0
      ? ''
      : ` ${interviewsCancelled} ${interviewsCancelled === 1 ? 'interview was' : 'interviews were'} cancelled.`
  return redirectWithFlash(ctx, `/candidates/${outcome.result.id}`, `${fullName} is now ${status}.${cancelled}`)
}

export default function ConfirmStatus() {
  const data = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const format = useFormat()
  const label = CANDIDATE_STATUS_LABELS[data.status].toLowerCase()
  const n = data.interviews.length
  const inProgress = data.interviews.some((i) => i.status === 'in_progress')
  const kind = inProgress ? 'scheduled or in-progress' : 'scheduled'
  const errors = reply?.error ? Object.values(reply.error).flatMap((m) => m ?? []) : undefined
  const title =
    data.status === 'rejected'
      ? `Reject ${data.fullName}?`
      : data.status === 'hired'
        ? `Mark ${data.fullName} hired?`
        : `Move ${data.fullName} to ${label}?`
  return (
    <ConfirmScreen
      title={title}
      backTo={`/candidates/${data.id}`}
      confirmLabel={data.status === 'rejected' ? 'Reject' : data.status === 'hired' ? 'Mark hired' : `Move to ${label}`}
      color={data.status === 'rejected' ? 'red' : 'blue'}
      errors={errors && errors.length > 0 ? errors : undefined}
      fields={
        <>
          <input type="hidden" name="status" value={data.status} />
          {n > 0 && (
            <List size="sm" spacing={4} aria-label={`Their ${kind} interviews`}>
              {data.interviews.map((i) => (
                <List.Item key={i.id}>
                  {`${format.dateTime(i.scheduledAt)} · ${INTERVIEW_TYPE_LABELS[i.interviewType]} with ${i.interviewerName}${i.status === 'scheduled' ? '' : ` (${INTERVIEW_STATUS_LABELS[i.status].toLowerCase()})`}`}
                </List.Item>
              ))}
            </List>
          )}
          {n > 0 && data.canCancel && (
            <Checkbox
              name="cancelInterviews"
              value="true"
              defaultChecked
              label={`Cancel their ${n} ${kind} ${n === 1 ? 'interview' : 'interviews'}`}
            />
          )}
          {n > 0 && !data.canCancel && (
            <Text size="sm" c="dimmed">
              You cannot change interviews, so these stay {kind}; someone who can will cancel them.
            </Text>
          )}
        </>
      }
    >
      {n === 0
        ? `${data.fullName} has no scheduled interviews.`
        : `${data.fullName} has ${n} ${kind} ${n === 1 ? 'interview' : 'interviews'}. Cancelled interviews free their slots and cannot be undone.`}
    </ConfirmScreen>
  )
}

export const ErrorBoundary = RouteErrorBoundary
