import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { countOf, nounFor } from '#shared/plural.ts'
import { ConfirmScreen } from '#app/components/form/confirm-screen.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { actionFailure, loadOrThrow } from '#app/utils/route-errors.server.ts'

export const meta: MetaFunction = () => [{ title: 'Delete candidate · Gatehouse' }]

/** What will go: the candidate and how many interviews with them (product.md, Candidates: delete). */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'candidates', 'delete')
  const candidate = await loadOrThrow(ctx, request, () => caller(ctx).candidates.byId({ id: params.id ?? '' }))
  return { id: candidate.id, fullName: candidate.fullName, interviews: candidate.interviews.length }
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'candidates', 'delete')
  try {
    const { interviewsDeleted } = await caller(ctx).candidates.delete({ id: params.id ?? '' })
    const what =
      interviewsDeleted === 0
        ? 'The candidate was deleted.'
        : `The candidate and ${countOf(interviewsDeleted, INTERVIEW)} were deleted.`
    return redirectWithFlash(ctx, '/candidates', what)
  } catch (e) {
    return actionFailure(ctx, e)
  }
}

const INTERVIEW = { one: 'interview', other: 'interviews' }

export default function DeleteCandidate() {
  const candidate = useLoaderData<typeof loader>()
  const interviews =
    candidate.interviews === 0
      ? 'They have no interviews.'
      : `${countOf(candidate.interviews, INTERVIEW)} ${nounFor(candidate.interviews, { one: 'goes', other: 'go' })} with them.`
  return (
    <ConfirmScreen
      title={`Delete ${candidate.fullName}?`}
      backTo={`/candidates/${candidate.id}`}
      confirmLabel="Delete candidate"
    >
      {interviews} Calls about them stay in the call log without the link. The audit log keeps a record. This cannot be
      undone.
    </ConfirmScreen>
  )
}

export const ErrorBoundary = RouteErrorBoundary
