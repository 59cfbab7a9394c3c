/** `/api/trpc/*`: the same procedures over HTTP for scripts (superjson; product.md, API). */
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { handleTrpcRequest } from '../utils/trpc-handler.server'

export const loader = ({ request, context }: LoaderFunctionArgs) => handleTrpcRequest(request, context)
export const action = ({ request, context }: ActionFunctionArgs) => handleTrpcRequest(request, context)
