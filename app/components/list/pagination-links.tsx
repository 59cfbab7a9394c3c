import { Group, Pagination, Text } from '@mantine/core'
import { Link } from '@remix-run/react'
import type { Paginated } from '#shared/vocabulary/list.ts'
import { useListHref } from './list-url'

/**
 * Below an offset list: "Showing 21–40 of 57" and page links (`?page=`), which work without
 * JavaScript (product.md, Lists).
 */
export function PaginationLinks({ result, noun }: { result: Omit<Paginated<unknown>, 'items'>; noun: string }) {
  const hrefWith = useListHref()
  const first = result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1
  const last = Math.min(result.total, result.page * result.pageSize)
  return (
    <Group justify="space-between" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {result.total === 0 ? `No ${noun}` : `Showing ${first.toLocaleString('en-GB')}–${last.toLocaleString('en-GB')} of ${result.total.toLocaleString('en-GB')}${result.totalCapped ? '+' : ''} ${noun}`}
      </Text>
      {result.pageCount > 1 && (
        <nav aria-label="Pages">
        <Pagination
          total={result.pageCount}
          value={result.page}
          getItemProps={(page) => ({ component: Link, to: hrefWith({ page }), preventScrollReset: true, 'aria-label': `Page ${page}` })}
          getControlProps={(control) => {
            const target = { first: 1, previous: Math.max(1, result.page - 1), next: Math.min(result.pageCount, result.page + 1), last: result.pageCount }[control]
            return { component: Link, to: hrefWith({ page: target }), preventScrollReset: true, 'aria-label': `${control} page` }
          }}
        />
        </nav>
      )}
    </Group>
  )
}
