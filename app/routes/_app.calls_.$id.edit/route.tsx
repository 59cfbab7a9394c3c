import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { callUpdateInput } from '#app/utils/schemas.server.ts'
import { formatDuration } from '#shared/duration.ts'
import { CallForm as CallFormNow } from '#app/components/calls/call-form.tsx'
import '#app/components/calls/call-form.tsx?styles'
import { FormScreen } from '#app/components/form/form-screen.tsx'
import { onReach } from '#app/components/form/hydrate-on-reach.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { readFormData, submitForm } from '#app/utils/forms.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { loadOrThrow } from '#app/utils/route-errors.server.ts'
import { localToUtcIso } from '#server/time.server.ts'

/** The form's code loads when a person first reaches it (its markup comes with the page). */
const CallForm = onReach(import.meta.env.SSR && CallFormNow, () =>
  import('#app/components/calls/call-form.tsx').then((m) => m.CallForm),
)

export const meta: MetaFunction = () => [{ title: 'Edit call · Gatehouse' }]

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'calls', 'update')
  const call = await loadOrThrow(ctx, request, () => caller(ctx).calls.byId({ id: params.id ?? '' }))
  const candidates = await loadOrThrow(ctx, request, () =>
    caller(ctx).calls.candidateOptions({ selected: call.candidateId ?? undefined }),
  )
  return { call, candidateOptions: candidates.map((c) => ({ value: c.id, label: `${c.fullName} · ${c.position}` })) }
}

/**
 * Saves through `calls.update` (time read in the viewer's zone). The form shows every field: an
 * unticked "important" unflags, emptied notes or candidate clear them.
 */
export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'calls', 'update')
  const formData = await readFormData(request)
  formData.set('id', params.id ?? '')
  const local = formData.get('calledAt')
  if (typeof local === 'string') formData.set('calledAt', localToUtcIso(local, ctx.timeZone))
  const outcome = await submitForm(
    ctx,
    request,
    formData,
    callUpdateInput(ctx.services.config.phoneRegion, ctx.services.now),
    (input) =>
      caller(ctx).calls.update({
        ...input,
        isImportant: input.isImportant ?? false,
        notes: input.notes ?? null,
        candidateId: input.candidateId ?? null,
      }),
  )
  if (!outcome.ok) return outcome.response
  return redirectWithFlash(ctx, `/calls/${outcome.result.id}`, `The call with ${outcome.result.callerName} was saved.`)
}

export default function EditCall() {
  const { call, candidateOptions } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <FormScreen title={`Edit the call with ${call.callerName}`} backTo={`/calls/${call.id}`} backLabel="The call">
      <CallForm
        mode="edit"
        callId={call.id}
        lastResult={lastResult}
        candidateOptions={candidateOptions}
        defaultValue={{
          callerName: call.callerName,
          callerNumber: call.callerNumber,
          direction: call.direction,
          outcome: call.outcome,
          durationSecs: formatDuration(call.durationSecs),
          calledAt: new Date(call.calledAt).toISOString(),
          candidateId: call.candidateId ?? '',
          notes: call.notes ?? '',
          isImportant: call.isImportant ? 'true' : '',
        }}
      />
    </FormScreen>
  )
}

export const ErrorBoundary = RouteErrorBoundary
