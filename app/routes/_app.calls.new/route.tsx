import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { callLogInput } from '#app/utils/schemas.server.ts'
import { CallForm as CallFormNow, NEW_CALL_DEFAULTS } from '#app/components/calls/call-form.tsx'
import '#app/components/calls/call-form.tsx?styles'
import { FormScreen } from '#app/components/form/form-screen.tsx'
import { onReach } from '#app/components/form/hydrate-on-reach.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { readFormData, submitForm } from '#app/utils/forms.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { loadOrThrow } from '#app/utils/route-errors.server.ts'
import { safeRedirect } from '#app/utils/safe-redirect.ts'
import { localToUtcIso } from '#server/time.server.ts'
import { toLocalInputValue } from '#shared/time-zone.ts'

/** The form's code loads when a person first reaches it (its markup comes with the page). */
const CallForm = onReach(import.meta.env.SSR && CallFormNow, () =>
  import('#app/components/calls/call-form.tsx').then((m) => m.CallForm),
)

export const meta: MetaFunction = () => [{ title: 'Log a call · Gatehouse' }]

/** The form starts at "now" in the viewer's zone; `?candidateId=`, `?callerName=`, `?callerNumber=` prefill it. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'calls', 'create')
  const params = new URL(request.url).searchParams
  const candidateId = params.get('candidateId') ?? undefined
  const candidates = await loadOrThrow(ctx, request, () =>
    caller(ctx).calls.candidateOptions({ selected: candidateId }),
  )
  return {
    candidateOptions: candidates.map((c) => ({ value: c.id, label: `${c.fullName} · ${c.position}` })),
    defaultValue: {
      ...NEW_CALL_DEFAULTS,
      calledAt: toLocalInputValue(ctx.services.now(), ctx.timeZone),
      candidateId: candidateId ?? '',
      callerName: params.get('callerName') ?? '',
      callerNumber: params.get('callerNumber') ?? '',
    },
    backTo: safeRedirect(params.get('returnTo'), '/calls'),
  }
}

/**
 * Logs a call through `calls.log` (its time read in the viewer's zone; empty means now), then goes to
 * `returnTo` (the log, or the candidate's page) with a flash. The quick-log form posts here too.
 */
export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'calls', 'create')
  const formData = await readFormData(request)
  const local = formData.get('calledAt')
  if (typeof local === 'string') formData.set('calledAt', localToUtcIso(local, ctx.timeZone))
  const outcome = await submitForm(
    ctx,
    request,
    formData,
    callLogInput(ctx.services.config.phoneRegion, ctx.services.now),
    (input) => caller(ctx).calls.log(input),
  )
  if (!outcome.ok) return outcome.response
  const returnTo = new URL(request.url).searchParams.get('returnTo')
  return redirectWithFlash(ctx, safeRedirect(returnTo, '/calls'), `Call with ${outcome.result.callerName} logged.`)
}

export default function NewCall() {
  const { backTo, ...form } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <FormScreen title="Log a call" backTo={backTo}>
      <CallForm mode="create" lastResult={lastResult} {...form} />
    </FormScreen>
  )
}

export const ErrorBoundary = RouteErrorBoundary
