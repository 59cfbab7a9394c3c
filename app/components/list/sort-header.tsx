import { Table } from '@mantine/core'
import { Link } from '@remix-run/react'
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useListHref } from './list-url'

/**
 * A sortable column header (product.md, Lists): a link that sorts by `field` (ascending first, then
 * descending), announcing the current order with `aria-sort`. Works without JavaScript.
 */
export function SortHeader(props: {
  field: string
  sort: { field: string; direction: 'asc' | 'desc' }
  children: ReactNode
}) {
  const hrefWith = useListHref()
  const active = props.sort.field === props.field
  const next = active && props.sort.direction === 'asc' ? 'desc' : 'asc'
  const Icon = active ? (props.sort.direction === 'asc' ? IconChevronUp : IconChevronDown) : IconSelector
  return (
    <Table.Th aria-sort={active ? (props.sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <Link
        to={hrefWith({ sort: props.field, dir: next })}
        preventScrollReset
        style={{
          color: 'inherit',
          textDecoration: 'none',
          display: 'inline-flex',
          alignItems: 'center',
          gap: 4,
          fontWeight: 600,
        }}
      >
        {props.children}
        <Icon size={14} aria-hidden />
      </Link>
    </Table.Th>
  )
}
