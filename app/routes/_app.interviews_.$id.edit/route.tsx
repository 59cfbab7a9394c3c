import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { InterviewUpdateInput } from '#app/utils/schemas.server.ts'
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
import { localToUtcIso } from '#server/time.server.ts'

/** The form's code loads when a person first reaches it (its markup comes with the page). */
const InterviewForm = onReach(import.meta.env.SSR && InterviewFormNow, () =>
  import('#app/components/interviews/interview-form.tsx').then((m) => m.InterviewForm),
)

export const meta: MetaFunction = () => [{ title: 'Reschedule interview · Gatehouse' }]

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'interviews', 'update')
  const interview = await loadOrThrow(ctx, request, () => caller(ctx).interviews.byId({ id: params.id ?? '' }))
  const interviewers = await loadOrThrow(ctx, request, () =>
    caller(ctx).interviews.interviewers({ selected: interview.interviewerId ?? undefined }),
  )
  return { interview, interviewerOptions: interviewers.map((u) => ({ value: u.id, label: u.fullName })) }
}

/**
 * Reschedules through `interviews.update` (start read in the viewer's time zone). The form shows
 * every field: choosing a colleague replaces an outside interviewer and the other way round; emptied
 * notes are cleared.
 */
export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'interviews', 'update')
  const formData = await readFormData(request)
  formData.set('id', params.id ?? '')
  const local = formData.get('scheduledAt')
  if (typeof local === 'string') formData.set('scheduledAt', localToUtcIso(local, ctx.timeZone))
  const outcome = await submitForm(ctx, request, formData, InterviewUpdateInput, (input) =>
    caller(ctx).interviews.update({ ...input, notes: input.notes ?? null }),
  )
  if (!outcome.ok) return outcome.response
  return redirectWithFlash(ctx, `/interviews/${outcome.result.id}`, 'The interview was rescheduled.')
}

export default function EditInterview() {
  const { interview, interviewerOptions } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <FormScreen
      title={`Reschedule the interview with ${interview.candidate.fullName}`}
      backTo={`/interviews/${interview.id}`}
      backLabel="The interview"
    >
      <InterviewForm
        mode="edit"
        interviewId={interview.id}
        lastResult={lastResult}
        candidate={{
          id: interview.candidate.id,
          label: `${interview.candidate.fullName} · ${interview.candidate.position}`,
        }}
        candidateOptions={[]}
        interviewerOptions={interviewerOptions}
        defaultValue={{
          interviewerId: interview.interviewerId ?? '',
          interviewerName: interview.interviewerId ? '' : interview.interviewerName,
          scheduledAt: new Date(interview.scheduledAt).toISOString(),
          durationMins: String(interview.durationMins),
          interviewType: interview.interviewType,
          notes: interview.notes ?? '',
        }}
      />
    </FormScreen>
  )
}

export const ErrorBoundary = RouteErrorBoundary
