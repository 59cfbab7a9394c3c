/** Candidate queries shared by routers (`candidates`, `interviews`, `calls`). */
import type { DbTx } from '#server/db.server.ts'
import type { Prisma } from '#server/generated/prisma/client.ts'
import type { CandidateStatus } from '#shared/schemas/candidates.ts'

/** The filter behind the candidate list and its export (product.md, Candidates: list). */
export function candidateWhere(input: {
  search?: string
  status?: CandidateStatus[]
  position?: string
}): Prisma.CandidateWhereInput {
  return {
    status: input.status ? { in: input.status } : undefined,
    position: input.position ? { equals: input.position, mode: 'insensitive' } : undefined,
    ...(input.search
      ? {
          OR: [
            { fullName: { contains: input.search, mode: 'insensitive' } },
            { email: { contains: input.search.toLowerCase() } },
            { position: { contains: input.search, mode: 'insensitive' } },
          ],
        }
      : {}),
  }
}

/** A candidate as a picker option: `{ id, fullName, email, position, status }`. */
export const candidateOptionSelect = {
  id: true,
  fullName: true,
  email: true,
  position: true,
  status: true,
} as const satisfies Prisma.CandidateSelect

/**
 * Up to 20 candidates for a picker, matching `search` (name or email), open ones first, plus the
 * already `selected` one so the picker can show its name.
 */
export async function candidateOptions(db: DbTx, search?: string, selected?: string) {
  const [matches, chosen] = await Promise.all([
    db.candidate.findMany({
      where: search
        ? {
            OR: [
              { fullName: { contains: search, mode: 'insensitive' } },
              { email: { contains: search.toLowerCase() } },
            ],
          }
        : { status: { in: ['applied', 'screening', 'interviewed'] } },
      select: candidateOptionSelect,
      orderBy: [{ fullName: 'asc' }, { id: 'asc' }],
      take: 20,
    }),
    selected ? db.candidate.findUnique({ where: { id: selected }, select: candidateOptionSelect }) : null,
  ])
  return chosen && !matches.some((m) => m.id === chosen.id) ? [chosen, ...matches] : matches
}
