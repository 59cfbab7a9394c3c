import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { InterviewScheduleInput } from '#app/utils/schemas.server.ts'
import { INTERVIEW_STATUS_LABELS } from '#shared/vocabulary/interviews.ts'
import { FormScreen } from '#app/components/form/form-screen.tsx'
import { onReach } from '#app/components/form/hydrate-on-reach.tsx'
import { InterviewForm as InterviewFormNow } from '#app/components/interviews/interview-form.tsx'
import '#app/components/interviews/interview-form.tsx?styles'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { readFormData, submitForm } from '#app/utils/forms.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { loadOrThrow } from '#app/utils/route-errors.server.ts'
import { safeRedirect } from '#app/utils/safe-redirect.ts'
import { localToUtcIso } from '#server/time.server.ts'

/** The form's code loads when a person first reaches it (its markup comes with the page). */
const InterviewForm = onReach(import.meta.env.SSR && InterviewFormNow, () =>
  import('#app/components/interviews/interview-form.tsx').then((m) => m.InterviewForm),
)

export const meta: MetaFunction = () => [{ title: 'Schedule interview · Gatehouse' }]

/** Picker options; `?candidateId=` fixes the candidate (from their page), `?returnTo=` says where to go after. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'interviews', 'create')
  const params = new URL(request.url).searchParams
  const candidateId = params.get('candidateId') ?? undefined
  const [candidates, interviewers] = await loadOrThrow(ctx, request, () =>
    Promise.all([
      caller(ctx).interviews.candidateOptions({ selected: candidateId }),
      caller(ctx).interviews.interviewers({}),
    ]),
  )
  const fixed = candidateId ? candidates.find((c) => c.id === candidateId) : undefined
  return {
    candidate: fixed ? { id: fixed.id, label: `${fixed.fullName} · ${fixed.position}` } : null,
    candidateOptions: candidates.map((c) => ({ value: c.id, label: `${c.fullName} · ${c.position}` })),
    interviewerOptions: interviewers.map((u) => ({ value: u.id, label: u.fullName })),
    backTo: safeRedirect(params.get('returnTo'), '/interviews'),
  }
}

/**
 * Schedules through `interviews.schedule` (no double-booking) with the start read in the viewer's
 * time zone, then goes to `returnTo` or the new interview with a flash. A start in the past comes back
 * with the offer to record it as a past interview; with `outcome` chosen it is recorded so.
 */
export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'interviews', 'create')
  const formData = await readFormData(request)
  const local = formData.get('scheduledAt')
  if (typeof local === 'string') formData.set('scheduledAt', localToUtcIso(local, ctx.timeZone))
  const outcome = await submitForm(ctx, request, formData, InterviewScheduleInput, (input) =>
    caller(ctx).interviews.schedule(input),
  )
  if (!outcome.ok) return outcome.response
  const returnTo = new URL(request.url).searchParams.get('returnTo')
  const { candidate, status } = outcome.result
  const message =
    status === 'scheduled'
      ? `Interview with ${candidate.fullName} scheduled.`
      : `Past interview with ${candidate.fullName} recorded as ${INTERVIEW_STATUS_LABELS[status].toLowerCase()}.`
  return redirectWithFlash(ctx, safeRedirect(returnTo, `/interviews/${outcome.result.id}`), message)
}

export default function NewInterview() {
  const { backTo, ...form } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <FormScreen title="Schedule interview" backTo={backTo}>
      <InterviewForm mode="create" lastResult={lastResult} {...form} />
    </FormScreen>
  )
}

export const ErrorBoundary = RouteErrorBoundary
