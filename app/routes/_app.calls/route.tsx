import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { ScreenPending } from '#app/components/screen-pending.tsx'
import { requirePage } from '#app/utils/gate.server.ts'

export const meta: MetaFunction = () => [{ title: 'Calls · Gatehouse' }]

/** Gated like every page (product.md, Permissions); the screen itself comes with the next issue. */
export function loader({ context, request }: LoaderFunctionArgs) {
  requirePage(context, request, 'calls')
  return null
}

export default function CallsPage() {
  return <ScreenPending title="Calls" />
}

export const ErrorBoundary = RouteErrorBoundary
