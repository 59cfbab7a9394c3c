/**
 * A picker over many records (candidates, interviewers, users) that works without JavaScript: a
 * native select of the options the loader sent (the likeliest ones, and the current choice); once
 * hydrated, a searchable Mantine Select that asks `searchUrl?q=` for matches as the person types.
 */
import { NativeSelect, Select } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { useFetcher } from '@remix-run/react'
import { useMemo, useRef, useState } from 'react'
import { useHydrated } from '#app/utils/use-hydrated.ts'

export interface Option {
  value: string
  label: string
}

export function RemoteSelect(props: {
  name: string
  id?: string
  label: string
  options: Option[]
  defaultValue?: string
  searchUrl: string
  error?: string
  description?: string
  placeholder?: string
  emptyLabel?: string
  required?: boolean
  w?: number | string
  /** Submit the enclosing form when the choice changes (filter bars). */
  submitOnChange?: boolean
}) {
  const wrapper = useRef<HTMLDivElement>(null)
  const hydrated = useHydrated()
  const fetcher = useFetcher<{ options: Option[] }>()
  const [value, setValue] = useState<string | null>(props.defaultValue || null)
  const search = useDebouncedCallback((q: string) => fetcher.load(`${props.searchUrl}${props.searchUrl.includes('?') ? '&' : '?'}${new URLSearchParams({ q })}`), 250)
  const data = useMemo(() => {
    const seen = new Map<string, Option>()
    for (const o of [...props.options, ...(fetcher.data?.options ?? [])]) seen.set(o.value, o)
    return [...seen.values()]
  }, [props.options, fetcher.data])

  if (!hydrated) {
    return (
      <NativeSelect
        id={props.id}
        name={props.name}
        label={props.label}
        description={props.description}
        defaultValue={props.defaultValue ?? ''}
        error={props.error}
        required={props.required}
        w={props.w}
        data={[{ value: '', label: props.emptyLabel ?? 'Choose…' }, ...props.options]}
      />
    )
  }
  return (
    <div ref={wrapper}>
    <Select
      id={props.id}
      name={props.name}
      label={props.label}
      description={props.description}
      placeholder={props.placeholder ?? 'Type to search'}
      searchable
      clearable={!props.required}
      clearButtonProps={{ 'aria-label': `Clear ${props.label.toLowerCase()}` }}
      nothingFoundMessage={fetcher.state === 'loading' ? 'Searching…' : 'Nothing found'}
      data={data}
      value={value}
      onChange={(next) => {
        setValue(next)
        if (props.submitOnChange) setTimeout(() => wrapper.current?.closest('form')?.requestSubmit())
      }}
      onSearchChange={(q) => {
        if (q && !data.some((o) => o.label === q)) search(q)
      }}
      filter={({ options }) => options}
      error={props.error}
      required={props.required}
      w={props.w}
      comboboxProps={{ withinPortal: true }}
    />
    </div>
  )
}
