import { NativeSelect, TextInput } from '@mantine/core'
import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { Fragment } from 'react'
import { DateInput } from '#app/components/form/date-input.tsx'
import { RemoteSelect, type Option } from '#app/components/form/remote-select.tsx'

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

/**
 * One field of a list's filter bar, as data (product.md, Lists), each for its URL parameter:
 * - `search`: the `q` text search (SearchFilter);
 * - `choice`: a native select whose first option, `anyLabel`, leaves the filter off (ChoiceFilter);
 * - `remote`: a record picker searching `searchUrl`, `anyLabel` when none is chosen; it submits at once;
 * - `dates`: the `from` and `to` days ("From", "To"), each `w` wide; they submit at once.
 * `w` is the field's width in px.
 */
export type FilterField =
  | { kind: 'search'; placeholder: string; w: number }
  | {
      kind: 'choice'
      name: string
      label: string
      anyLabel: string
      options: ReadonlyArray<string | ComboboxItem | ComboboxItemGroup>
      w: number
    }
  | { kind: 'remote'; name: string; label: string; anyLabel: string; options: Option[]; searchUrl: string; w: number }
  | { kind: 'dates'; w: number }

/** A list's current filter values by URL parameter name (`q`, `from`, `to`, …); others are ignored. */
export type FilterValues = Readonly<Record<string, unknown>>

const valueOf = (values: FilterValues, name: string) => {
  const value = values[name]
  return typeof value === 'string' ? value : undefined
}

/**
 * Renders `fields` in order, each starting at its value in `values` (a missing or non-text value
 * starts empty). Falsy entries are skipped, so a field can be left out with `cond && { … }`.
 */
export function FilterFields(props: {
  fields: ReadonlyArray<FilterField | false | null | undefined>
  values: FilterValues
}) {
  const { values } = props
  return props.fields.map((field) => {
    if (!field) return null
    switch (field.kind) {
      case 'search':
        return <SearchFilter key="q" placeholder={field.placeholder} defaultValue={valueOf(values, 'q')} w={field.w} />
      case 'choice':
        return (
          <ChoiceFilter
            key={field.name}
            name={field.name}
            label={field.label}
            defaultValue={valueOf(values, field.name)}
            anyLabel={field.anyLabel}
            options={field.options}
            w={field.w}
          />
        )
      case 'remote':
        return (
          <RemoteSelect
            key={field.name}
            name={field.name}
            label={field.label}
            emptyLabel={field.anyLabel}
            placeholder={field.anyLabel}
            defaultValue={valueOf(values, field.name)}
            options={field.options}
            searchUrl={field.searchUrl}
            submitOnChange
            w={field.w}
          />
        )
      case 'dates':
        return (
          <Fragment key="dates">
            <DateInput name="from" label="From" defaultValue={valueOf(values, 'from')} w={field.w} submitOnChange />
            <DateInput name="to" label="To" defaultValue={valueOf(values, 'to')} w={field.w} submitOnChange />
          </Fragment>
        )
    }
  })
}
