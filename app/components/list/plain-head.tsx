import { Table } from '@mantine/core'

/** A table's header row of plain column titles, `columns` in order (no sorting, no widths). */
export function PlainHead({ columns }: { columns: readonly string[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column) => (
          <Table.Th key={column}>{column}</Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  )
}
