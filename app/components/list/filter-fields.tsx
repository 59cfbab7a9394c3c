import { NativeSelect, TextInput } from '@mantine/core'
import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'

/**
 * A list filter bar's free-text search (product.md, Lists): the `q` URL parameter, labelled "Search",
 * with a magnifier icon; `placeholder` says what it searches, `w` its width in px.
 */
export function SearchFilter(props: { placeholder: string; defaultValue: string | undefined; w: number }) {
  return (
    <TextInput
      type="search"
      name="q"
      label="Search"
      placeholder={props.placeholder}
      defaultValue={props.defaultValue}
      leftSection={<IconSearch size={16} />}
      w={props.w}
    />
  )
}

/**
 * A list filter bar's choice (product.md, Lists): a native select for the URL parameter `name`, whose
 * first option, `anyLabel` (value ''), leaves the filter off; then `options` (values, items or groups).
 * `w` is its width in px.
 */
export function ChoiceFilter(props: {
  name: string
  label: string
  defaultValue: string | undefined
  anyLabel: string
  options: ReadonlyArray<string | ComboboxItem | ComboboxItemGroup>
  w: number
}) {
  return (
    <NativeSelect
      name={props.name}
      label={props.label}
      defaultValue={props.defaultValue}
      data={[{ value: '', label: props.anyLabel }, ...props.options]}
      w={props.w}
    />
  )
}
