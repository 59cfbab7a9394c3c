import { Group, Table, Text, UnstyledButton } from '@mantine/core'
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react'
import type { ReactNode } from 'react'

/** A table header cell that sorts by `field` when clicked; announces the order with aria-sort. */
export function SortableTh(props: {
  children: ReactNode
  field: string
  sort: { field: string; direction: 'asc' | 'desc' }
  onSort: (field: string, direction: 'asc' | 'desc') => void
}) {
  const active = props.sort.field === props.field
  const Icon = active ? (props.sort.direction === 'asc' ? IconChevronUp : IconChevronDown) : IconSelector
  const next = active && props.sort.direction === 'asc' ? 'desc' : 'asc'
  return (
    <Table.Th aria-sort={active ? (props.sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => props.onSort(props.field, next)} aria-label={`Sort by ${String(props.children)}`}>
        <Group gap={4} wrap="nowrap">
          <Text fw={600} size="sm">{props.children}</Text>
          <Icon size={14} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  )
}
