/**
 * A picker over many records (candidates, interviewers, users) that works without JavaScript: a
 * native select of the options the loader sent (the likeliest ones, and the current choice); once
 * hydrated, a searchable Mantine Select that narrows as the person types: at once to the options it
 * has whose label contains the text, then to the server's matches (`searchUrl?q=`, which may match
 * more than the label, e.g. an email), best first.
 */
import { NativeSelect, Select, type ComboboxItem } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { useFetcher } from '@remix-run/react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useHydrated } from '#app/utils/use-hydrated.ts'

export interface Option {
  value: string
  label: string
}

/** The server's matches for one search text. */
interface Results {
  q: string
  options: Option[]
}

const contains = (label: string, q: string) => label.toLocaleLowerCase().includes(q.toLocaleLowerCase())

/**
 * What the dropdown lists for `search` (already trimmed): everything when it is empty; otherwise the
 * server's matches for exactly this text in the server's order, then the other known options whose
 * label contains it (while the server has not answered yet, only those).
 */
export function narrowOptions<T extends Option>(options: readonly T[], search: string, results: Results | null): T[] {
  if (!search) return [...options]
  const local = options.filter((o) => contains(o.label, search))
  if (results?.q !== search) return local
  const rank = new Map(results.options.map((o, i) => [o.value, i]))
  const fromServer = options.filter((o) => rank.has(o.value)).sort((a, b) => rank.get(a.value)! - rank.get(b.value)!)
  return [...fromServer, ...local.filter((o) => !rank.has(o.value))]
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
  // The text of the latest search sent; a fetcher keeps only its latest load, so its data answers this text.
  const asked = useRef('')
  const [results, setResults] = useState<Results | null>(null)
  useEffect(() => {
    if (fetcher.data) setResults({ q: asked.current, options: fetcher.data.options })
  }, [fetcher.data])
  const search = useDebouncedCallback((q: string) => {
    asked.current = q
    fetcher.load(`${props.searchUrl}${props.searchUrl.includes('?') ? '&' : '?'}${new URLSearchParams({ q })}`)
  }, 250)
  // Every option known so far (the loader's and every answer's), so a chosen one keeps its label.
  const known = useRef(new Map<string, Option>())
  const data = useMemo(() => {
    for (const o of [...props.options, ...(results?.options ?? [])]) known.current.set(o.value, o)
    return [...known.current.values()]
  }, [props.options, results])

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
        onSearchChange={(text) => {
          const q = text.trim()
          if (q && !data.some((o) => o.label === text)) search(q)
        }}
        // Mantine calls this only while the text differs from the chosen option's label.
        filter={({ options, search: text }) => narrowOptions(options as ComboboxItem[], text.trim(), results)}
        error={props.error}
        required={props.required}
        w={props.w}
        comboboxProps={{ withinPortal: true }}
        // A plain scrolling list: the options are reached with the arrow keys from the text box (axe:
        // a ScrollArea viewport without focusable content is a keyboard trap for its scrollbar).
        withScrollArea={false}
        maxDropdownHeight={280}
      />
    </div>
  )
}
