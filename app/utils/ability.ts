/** The signed-in user's ability in the browser, rebuilt from the rules the app layout loader sends. */
import { useRouteLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { abilityFromRules, type AppRule } from '../../server/permissions/ability'

/** The CASL ability of the current user (no rules when signed out). */
export function useAbility() {
  const data = useRouteLoaderData('routes/_app') as { rules?: AppRule[] } | undefined
  return useMemo(() => abilityFromRules(data?.rules ?? []), [data?.rules])
}

/** The current user from the app layout loader. */
export function useCurrentUser() {
  const data = useRouteLoaderData('routes/_app') as { user?: { id: string; fullName: string; email: string; role: string } } | undefined
  return data?.user ?? null
}
