import { Text, Title } from '@mantine/core'

/**
 * A record page's Notes section (product.md, the candidate, call and interview pages): a "Notes"
 * heading at `order` (2 or 3, by where it sits in the page's outline), then `notes` with its line
 * breaks kept, or `empty` dimmed when there are none.
 */
export function RecordNotes(props: { notes: string | null; empty: string; order: 2 | 3 }) {
  return (
    <>
      <Title order={props.order} size="h5" mt="md" mb={4}>
        Notes
      </Title>
      <Text style={{ whiteSpace: 'pre-wrap' }} c={props.notes ? undefined : 'dimmed'}>
        {props.notes ?? props.empty}
      </Text>
    </>
  )
}
