import { Group, Pagination, Select, Text } from '@mantine/core'
import { useUpdateSearchParams } from '../utils/search-params'

/**
 * Below a paginated list: "Showing 21–40 of 57", rows per page (`?size=`) and page links (`?page=`).
 * `result` is the envelope list procedures return (server/pagination.ts).
 */
export function PaginationFooter({ result, noun }: { result: { total: number; page: number; pageSize: number; pageCount: number }; noun: string }) {
  const [, update] = useUpdateSearchParams()
  const first = result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1
  const last = Math.min(result.total, result.page * result.pageSize)
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        {result.total === 0 ? `No ${noun}` : `Showing ${first}–${last} of ${result.total}`}
      </Text>
      <Group gap="sm">
        <Select
          aria-label="Rows per page"
          data={['10', '20', '50', '100']}
          value={String(result.pageSize)}
          onChange={(size) => update({ size })}
          w={90}
          allowDeselect={false}
        />
        <Pagination
          total={result.pageCount}
          value={result.page}
          onChange={(page) => update({ page })}
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
        />
      </Group>
    </Group>
  )
}
