import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { ScreenPending } from '#app/components/screen-pending.tsx'
import { requirePage } from '#app/utils/gate.server.ts'

export const meta: MetaFunction = () => [{ title: 'Interviews · Gatehouse' }]

/** Gated like every page (product.md, Permissions); the screen itself comes with the next issue. */
export function loader({ context, request }: LoaderFunctionArgs) {
  requirePage(context, request, 'interviews')
  return null
}

export default function InterviewsPage() {
  return <ScreenPending title="Interviews" />
}

export const ErrorBoundary = RouteErrorBoundary
