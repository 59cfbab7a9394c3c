/** Inputs of the `sessions` router. */
import { z } from 'zod'
import { idField } from './common'

export const RevokeSessionInput = z.object({ id: idField })
export const UserSessionsInput = z.object({ userId: idField })
