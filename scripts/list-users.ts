/**
 * Lists the users the given account may see, over HTTP with a typed tRPC client (product.md, API).
 *
 *   npm run script:list-users -- --url http://localhost:3000 --email admin@gatehouse.test --password gatehouse-demo
 *   options: --search TEXT  --role admin|manager|agent|viewer  --json
 *
 * Signs in with `auth.login` (the session cookie is kept for the following calls), pages through
 * `users.list` 100 at a time, signs out, and prints one line per user (or JSON with --json).
 * Exit code 1 with the server's message on bad credentials or when the account may not list users.
 */
import { parseArgs } from 'node:util'
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client'
import superjson from 'superjson'
import type { AppRouter } from '#server/routers/_app.ts'

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    email: { type: 'string' },
    password: { type: 'string' },
    search: { type: 'string' },
    role: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
})

if (!values.email || !values.password) {
  console.error('Usage: npm run script:list-users -- --url http://localhost:3000 --email you@example.com --password …')
  process.exit(2)
}

/** A client that remembers the session cookie, like a browser would. */
function createClient(baseUrl: string) {
  let cookie: string | null = null
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: new URL('/api/trpc', baseUrl).toString(),
        transformer: superjson,
        headers: () => (cookie ? { cookie } : {}),
        fetch: async (input, init) => {
          const response = await fetch(input, init)
          const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('gatehouse_session='))
          if (setCookie) cookie = setCookie.split(';')[0]!
          return response
        },
      }),
    ],
  })
}

async function main() {
  const client = createClient(values.url!)
  await client.auth.login.mutate({ email: values.email!, password: values.password! })
  try {
    const users = []
    for (let page = 1; ; page++) {
      const result = await client.users.list.query({
        page,
        pageSize: 100,
        search: values.search,
        role: values.role as 'admin' | undefined,
        sort: { field: 'fullName', direction: 'asc' },
      })
      users.push(...result.items)
      if (page >= result.pageCount) break
    }
    if (values.json) {
      console.log(JSON.stringify(users, null, 2))
    } else {
      for (const u of users) {
        // createdAt arrives as a real Date thanks to superjson.
        console.log(
          [
            u.fullName.padEnd(24),
            u.email.padEnd(36),
            u.role.padEnd(8),
            u.active ? 'active' : 'inactive',
            u.createdAt.toISOString().slice(0, 10),
          ].join('  '),
        )
      }
      console.log(`${users.length} user${users.length === 1 ? '' : 's'}`)
    }
  } finally {
    await client.auth.logout.mutate().catch(() => {})
  }
}

main().catch((error: unknown) => {
  if (error instanceof TRPCClientError) {
    console.error(`Error (${error.data?.code ?? 'unknown'}): ${error.message}`)
  } else {
    console.error(error instanceof Error ? error.message : error)
  }
  process.exit(1)
})
