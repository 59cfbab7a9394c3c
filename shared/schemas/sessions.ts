/** Inputs of the `sessions` router. */
import * as z from 'zod/mini'
import { idField } from './common'

export const RevokeSessionInput = z.object({ id: idField })
export const UserSessionsInput = z.object({ userId: idField })
