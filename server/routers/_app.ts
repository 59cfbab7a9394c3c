/**
 * The application router (product.md, API). Scripts get full types with `import type { AppRouter }`.
 */
import { createCallerFactory, router } from '#server/trpc.ts'
import { auditRouter } from './audit'
import { authRouter } from './auth'
import { callsRouter } from './calls'
import { candidatesRouter } from './candidates'
import { dashboardRouter } from './dashboard'
import { interviewsRouter } from './interviews'
import { permissionsRouter } from './permissions'
import { sessionsRouter } from './sessions'
import { usersRouter } from './users'

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  permissions: permissionsRouter,
  candidates: candidatesRouter,
  interviews: interviewsRouter,
  calls: callsRouter,
  sessions: sessionsRouter,
  dashboard: dashboardRouter,
  audit: auditRouter,
})

export type AppRouter = typeof appRouter

/** `createCaller(ctx)`: call procedures in-process with a context built once per request. */
export const createCaller = createCallerFactory(appRouter)
