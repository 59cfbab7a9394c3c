import { Anchor, Stack, Table, Text } from '@mantine/core'
import { Link } from '@remix-run/react'

/**
 * What a list shows when nothing matches (product.md, Lists): what happened and what to do next —
 * clear the filters, or add the first record when the user may.
 */
export function EmptyState(props: {
  colSpan: number
  filtered: boolean
  noun: string
  clearHref: string
  create?: { to: string; label: string }
}) {
  return (
    <Table.Tr>
      <Table.Td colSpan={props.colSpan}>
        <Stack align="center" gap={4} py="lg">
          <Text fw={600}>{props.filtered ? `No ${props.noun} match these filters.` : `No ${props.noun} yet.`}</Text>
          {props.filtered ? (
            <Anchor component={Link} to={props.clearHref} size="sm">
              Clear the filters
            </Anchor>
          ) : props.create ? (
            <Anchor component={Link} to={props.create.to} size="sm">
              {props.create.label}
            </Anchor>
          ) : null}
        </Stack>
      </Table.Td>
    </Table.Tr>
  )
}
