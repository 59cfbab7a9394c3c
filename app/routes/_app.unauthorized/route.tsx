import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { PAGE_ACTIONS, PAGES, refusalMessage, type Page } from '#shared/permissions/policy.ts'
import { Unauthorized } from '#app/components/unauthorized.tsx'
import { requireUser } from '#app/utils/gate.server.ts'

export const meta: MetaFunction = () => [{ title: 'No access · Gatehouse' }]

/**
 * The 403 page itself (product.md, Screens `/unauthorized`), answered with status 403. A refused
 * download (a CSV export opened in the browser) comes here with `?page=&action=`, so the page says
 * what was missing; unknown values are ignored.
 */
export function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requireUser(context, request)
  const params = new URL(request.url).searchParams
  const page = params.get('page') as Page
  const action = params.get('action') ?? 'read'
  const known = PAGES.includes(page) && ([...PAGE_ACTIONS, 'grant'] as string[]).includes(action)
  const message = known ? refusalMessage(page, action, ctx.ability.can('read', page)) : null
  return data({ message }, { status: 403 })
}

export default function UnauthorizedPage() {
  const { message } = useLoaderData<typeof loader>()
  return <Unauthorized message={message ?? undefined} />
}
