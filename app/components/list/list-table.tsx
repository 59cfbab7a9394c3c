import { Paper, Table } from '@mantine/core'
import type { ReactNode } from 'react'
import { SortHeader } from './sort-header'
import { ScrollContainer } from './scroll-container'

/** One sortable column of a list table: the list's sort `field` and the header's text. */
export interface ListColumn {
  field: string
  label: string
}

/**
 * A list screen's table (product.md, Lists): a bordered paper with a horizontally scrolling table of
 * at least `minWidth` px, named `label` for assistive technology. The header row is a SortHeader for
 * each of `columns` (against the list's `sort`), then `extraHead` (unsortable header cells);
 * `children` are the body rows, `after` anything the paper holds below the table.
 */
export function ListTable(props: {
  label: string
  minWidth: number
  sort: { field: string; direction: 'asc' | 'desc' }
  columns: readonly ListColumn[]
  extraHead?: ReactNode
  children: ReactNode
  after?: ReactNode
}) {
  return (
    <Paper withBorder>
      <ScrollContainer minWidth={props.minWidth}>
        <Table highlightOnHover verticalSpacing="sm" aria-label={props.label}>
          <Table.Thead>
            <Table.Tr>
              {props.columns.map((column) => (
                <SortHeader key={column.field} field={column.field} sort={props.sort}>
                  {column.label}
                </SortHeader>
              ))}
              {props.extraHead}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{props.children}</Table.Tbody>
        </Table>
      </ScrollContainer>
      {props.after}
    </Paper>
  )
}
