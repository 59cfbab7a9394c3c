import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ConfirmScreen } from '#app/components/form/confirm-screen.tsx'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { useFormat } from '#app/utils/format.ts'
import { requirePage } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { confirmedAction, loadOrThrow } from '#app/utils/route-errors.server.ts'

export const meta: MetaFunction = () => [{ title: 'Delete call · Gatehouse' }]

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePage(context, request, 'calls', 'delete')
  const call = await loadOrThrow(ctx, request, () => caller(ctx).calls.byId({ id: params.id ?? '' }))
  return { id: call.id, callerName: call.callerName, calledAt: call.calledAt }
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePage(context, request, 'calls', 'delete')
  return confirmedAction(ctx, '/calls', async () => {
    const { callerName } = await caller(ctx).calls.delete({ id: params.id ?? '' })
    return `The call with ${callerName} was deleted.`
  })
}

export default function DeleteCall() {
  const call = useLoaderData<typeof loader>()
  const format = useFormat()
  return (
    <ConfirmScreen
      title={`Delete the call with ${call.callerName}?`}
      backTo={`/calls/${call.id}`}
      confirmLabel="Delete call"
    >
      {`The call of ${format.dateTime(call.calledAt)} is removed from the log. The audit log keeps a record. This cannot be undone.`}
    </ConfirmScreen>
  )
}

export const ErrorBoundary = RouteErrorBoundary
