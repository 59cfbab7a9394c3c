import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Unauthorized } from '#app/components/unauthorized.tsx'
import { requireUser } from '#app/utils/gate.server.ts'

export const meta: MetaFunction = () => [{ title: 'No access · Gatehouse' }]

/** The 403 page itself (product.md, Screens `/unauthorized`), answered with status 403. */
export function loader({ context, request }: LoaderFunctionArgs) {
  requireUser(context, request)
  return data(null, { status: 403 })
}

export default function UnauthorizedPage() {
  return <Unauthorized />
}
