import { Table, Text } from '@mantine/core'

/** The table row a list shows when nothing matches its filters. */
export function EmptyRow({ colSpan, children }: { colSpan: number; children: string }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan}>
        <Text c="dimmed" ta="center" py="lg">{children}</Text>
      </Table.Td>
    </Table.Tr>
  )
}
