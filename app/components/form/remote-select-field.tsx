/**
 * The searchable half of RemoteSelect (remote-select.tsx): Mantine's Select, which narrows as the person
 * types, at once to the options it has whose label contains the text, then to the server's matches
 * (`searchUrl?q=`). A module of its own, loaded the first time the pointer or focus reaches the
 * look-alike RemoteSelect renders (load-on-reach.ts), with Mantine's combobox and floating-ui.
 */
import { Select, type ComboboxItem } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { useFetcher } from '@remix-run/react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTakeOver, type Reach } from './load-on-reach'
import { narrowOptions, type Option, type RemoteSelectProps } from './remote-select'

export function RemoteSelectField(props: RemoteSelectProps & { reach?: Reach; typed?: string }) {
  const wrapper = useRef<HTMLDivElement>(null)
  useTakeOver(wrapper, props.reach, 'input:not([type=hidden])')
  const fetcher = useFetcher<{ options: Option[] }>()
  const [value, setValue] = useState<string | null>(props.defaultValue || null)
  // The text of the latest search sent; a fetcher keeps only its latest load, so its data answers this text.
  const asked = useRef('')
  const [results, setResults] = useState<{ q: string; options: Option[] } | null>(null)
  useEffect(() => {
    if (fetcher.data) setResults({ q: asked.current, options: fetcher.data.options })
  }, [fetcher.data])
  const search = useDebouncedCallback((q: string) => {
    asked.current = q
    fetcher.load(`${props.searchUrl}${props.searchUrl.includes('?') ? '&' : '?'}${new URLSearchParams({ q })}`)
  }, 250)
  // Text typed into the look-alike before this module arrived stays in the box and is searched for at
  // once. The Select's own mount effects (which run first) set its text from the value; those are
  // ignored while `restoring`, which this effect (running after them) ends.
  const [searchText, setSearchText] = useState(props.typed ?? '')
  const restoring = useRef(props.typed !== undefined)
  useEffect(() => {
    restoring.current = false
    const q = props.typed?.trim()
    if (q) search(q)
    // Only on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  // Every option known so far (the loader's and every answer's), so a chosen one keeps its label.
  const known = useRef(new Map<string, Option>())
  const data = useMemo(() => {
    for (const o of [...props.options, ...(results?.options ?? [])]) known.current.set(o.value, o)
    return [...known.current.values()]
  }, [props.options, results])

  return (
    <div ref={wrapper}>
      <Select
        id={props.id}
        name={props.name}
        label={props.label}
        description={props.description}
        placeholder={props.placeholder ?? 'Type to search'}
        searchable
        searchValue={searchText}
        defaultDropdownOpened={Boolean(props.reach?.opened || props.typed)}
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
          if (restoring.current && text !== props.typed) return
          setSearchText(text)
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
