import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { ScreenPending } from '#app/components/screen-pending.tsx'
import { requirePage } from '#app/utils/gate.server.ts'

export const meta: MetaFunction = () => [{ title: 'Candidates · Gatehouse' }]

/** Gated like every page (product.md, Permissions); the screen itself comes with the next issue. */
export function loader({ context, request }: LoaderFunctionArgs) {
  requirePage(context, request, 'candidates')
  return null
}

export default function CandidatesPage() {
  return <ScreenPending title="Candidates" />
}

export const ErrorBoundary = RouteErrorBoundary
