import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { candidateUpdateInput } from '#app/utils/schemas.server.ts'
import { CandidateForm as CandidateFormNow } from '#app/components/candidates/candidate-form.tsx'
import '#app/components/candidates/candidate-form.tsx?styles'
import { FormScreen } from '#app/components/form/form-screen.tsx'
import { onReach } from '#app/components/form/hydrate-on-reach.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { readFormData, submitForm } from '#app/utils/forms.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { loadOrThrow } from '#app/utils/route-errors.server.ts'

/** The form's code loads when a person first reaches it (its markup comes with the page). */
const CandidateForm = onReach(import.meta.env.SSR && CandidateFormNow, () =>
  import('#app/components/candidates/candidate-form.tsx').then((m) => m.CandidateForm),
)

export const meta: MetaFunction = () => [{ title: 'Edit candidate · Gatehouse' }]

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'candidates', 'update')
  const { id, fullName, email, position, phone, resumeUrl, notes } = await loadOrThrow(ctx, request, () =>
    caller(ctx).candidates.byId({ id: params.id ?? '' }),
  )
  return { id, fullName, email, position, phone, resumeUrl, notes }
}

/**
 * Saves the edit form through `candidates.update`. The form shows every field, so an emptied
 * optional field (phone, resume link, notes) is cleared.
 */
export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'candidates', 'update')
  const formData = await readFormData(request)
  formData.set('id', params.id ?? '')
  const schema = candidateUpdateInput(ctx.services.config.phoneRegion)
  const outcome = await submitForm(ctx, request, formData, schema, (input) =>
    caller(ctx).candidates.update({
      ...input,
      phone: input.phone ?? null,
      resumeUrl: input.resumeUrl ?? null,
      notes: input.notes ?? null,
    }),
  )
  if (!outcome.ok) return outcome.response
  return redirectWithFlash(ctx, `/candidates/${outcome.result.id}`, `${outcome.result.fullName} was saved.`)
}

export default function EditCandidate() {
  const candidate = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <FormScreen
      title={`Edit ${candidate.fullName}`}
      backTo={`/candidates/${candidate.id}`}
      backLabel={candidate.fullName}
    >
      <CandidateForm mode="edit" candidateId={candidate.id} lastResult={lastResult} defaultValue={candidate} />
    </FormScreen>
  )
}

export const ErrorBoundary = RouteErrorBoundary
