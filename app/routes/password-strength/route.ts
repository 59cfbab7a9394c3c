/**
 * `POST /password-strength` (form field `password`, optional `email`, `fullName`): how guessable a new
 * password is, as `{ score, acceptable, feedback }` from `auth.passwordStrength` — the same verdict the
 * procedures that set a password apply. The password forms ask it as the person types (product.md,
 * Security baseline: passwords). A POST so the password never lands in a URL or a log.
 */
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { readFormData } from '#app/utils/forms.server.ts'
import { requireUser } from '#app/utils/gate.server.ts'
import { caller } from '#app/utils/caller.server.ts'
import { loadOrThrow, resourceResponse } from '#app/utils/route-errors.server.ts'

export function loader() {
  return redirect('/settings/password')
}

export function action({ context, request }: ActionFunctionArgs) {
  return resourceResponse(async () => {
    const ctx = requireUser(context, request)
    const form = await readFormData(request)
    const text = (name: string) => {
      const value = form.get(name)
      return typeof value === 'string' && value !== '' ? value : undefined
    }
    const input = { password: text('password') ?? '', email: text('email'), fullName: text('fullName') }
    return loadOrThrow(ctx, request, () => caller(ctx).auth.passwordStrength(input))
  })
}
