/** User queries shared by routers (`users`, `permissions`). */
import type { Prisma } from '#server/generated/prisma/client.ts'
import type { Role } from '#shared/permissions/policy.ts'

/** Columns of a user that leave the server (never the password hash). */
export const publicUserSelect = {
  id: true,
  email: true,
  fullName: true,
  role: true,
  active: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.UserSelect

/**
 * The filter behind user search on /users and /permissions: name or email contains `search`
 * (case-insensitive; trigram indexes back both columns), and `role` when given.
 */
export function userSearchWhere(search: string | undefined, role: Role | undefined): Prisma.UserWhereInput {
  return {
    role,
    ...(search
      ? { OR: [{ fullName: { contains: search, mode: 'insensitive' } }, { email: { contains: search.toLowerCase() } }] }
      : {}),
  }
}
