import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ConfirmScreen } from '#app/components/form/confirm-screen.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { useFormat } from '#app/utils/format.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { confirmedAction, loadOrThrow } from '#app/utils/route-errors.server.ts'

export const meta: MetaFunction = () => [{ title: 'Delete interview · Gatehouse' }]

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'interviews', 'delete')
  const interview = await loadOrThrow(ctx, request, () => caller(ctx).interviews.byId({ id: params.id ?? '' }))
  return { id: interview.id, candidate: interview.candidate.fullName, scheduledAt: interview.scheduledAt }
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'interviews', 'delete')
  return confirmedAction(ctx, '/interviews', async () => {
    await caller(ctx).interviews.delete({ id: params.id ?? '' })
    return 'The interview was deleted.'
  })
}

export default function DeleteInterview() {
  const interview = useLoaderData<typeof loader>()
  const format = useFormat()
  return (
    <ConfirmScreen
      title={`Delete the interview with ${interview.candidate}?`}
      backTo={`/interviews/${interview.id}`}
      confirmLabel="Delete interview"
    >
      The interview on {format.dateTime(interview.scheduledAt)} is removed and its slot is freed. The audit log keeps a
      record. This cannot be undone.
    </ConfirmScreen>
  )
}

export const ErrorBoundary = RouteErrorBoundary
