import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { candidateCreateInput } from '#app/utils/schemas.server.ts'
import { CandidateForm as CandidateFormNow } from '#app/components/candidates/candidate-form.tsx'
import '#app/components/candidates/candidate-form.tsx?styles'
import { FormScreen } from '#app/components/form/form-screen.tsx'
import { onReach } from '#app/components/form/hydrate-on-reach.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { readFormData, submitForm } from '#app/utils/forms.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'

/** The form's code loads when a person first reaches it (its markup comes with the page). */
const CandidateForm = onReach(import.meta.env.SSR && CandidateFormNow, () =>
  import('#app/components/candidates/candidate-form.tsx').then((m) => m.CandidateForm),
)

export const meta: MetaFunction = () => [{ title: 'New candidate · Gatehouse' }]

export function loader({ context, request }: LoaderFunctionArgs) {
  requirePage(context, request, 'candidates', 'create')
  return null
}

/** Adds a candidate through `candidates.create`, then shows them (POST-redirect-GET with a flash). */
export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'candidates', 'create')
  const schema = candidateCreateInput(ctx.services.config.phoneRegion)
  const outcome = await submitForm(ctx, request, await readFormData(request), schema, (input) =>
    caller(ctx).candidates.create(input),
  )
  if (!outcome.ok) return outcome.response
  return redirectWithFlash(ctx, `/candidates/${outcome.result.id}`, `${outcome.result.fullName} was added.`)
}

export default function NewCandidate() {
  const lastResult = useActionData<typeof action>()
  return (
    <FormScreen title="New candidate" backTo="/candidates" backLabel="Candidates">
      <CandidateForm mode="create" lastResult={lastResult} />
    </FormScreen>
  )
}

export const ErrorBoundary = RouteErrorBoundary
