/** The signed-in user's ability in the browser, rebuilt from the rules the app layout loader sends. */
import { useRouteLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { abilityFromRules } from '#shared/permissions/ability.ts'
import type { loader as appLayoutLoader } from '#app/routes/_app/route.tsx'

/** The layout route's id (`app/routes/_app/route.tsx`). */
const APP_LAYOUT = 'routes/_app'

/** The CASL ability of the current user (no rules when signed out). The UI asks it; it holds no policy. */
export function useAbility() {
  const data = useRouteLoaderData<typeof appLayoutLoader>(APP_LAYOUT)
  return useMemo(() => abilityFromRules(data?.rules ?? []), [data?.rules])
}

/** The current user from the app layout loader, or null outside it. */
export function useCurrentUser() {
  return useRouteLoaderData<typeof appLayoutLoader>(APP_LAYOUT)?.user ?? null
}
