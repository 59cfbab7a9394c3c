/**
 * A picker over many records (candidates, interviewers, users) that works without JavaScript: a
 * native select of the options the loader sent (the likeliest ones, and the current choice); once
 * hydrated, a searchable Mantine Select (./remote-select-field.tsx) that narrows as the person types:
 * at once to the options it has whose label contains the text, then to the server's matches
 * (`searchUrl?q=`, which may match more than the label, e.g. an email), best first. Until the pointer
 * or focus first reaches it, a text box that looks the same stands in its place and the Select's code
 * stays unloaded (load-on-reach.ts); text typed there is searched for as soon as the Select arrives.
 */
import { NativeSelect, TextInput } from '@mantine/core'
import { lazy, Suspense, useState } from 'react'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import { useLoadOnReach } from './load-on-reach'

export interface Option {
  value: string
  label: string
}

/** The server's matches for one search text. */
export interface Results {
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

/** RemoteSelect's props; `options` are the loader's (the likeliest ones and the current choice). */
export interface RemoteSelectProps {
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
}

const RemoteSelectField = lazy(() => import('./remote-select-field').then((m) => ({ default: m.RemoteSelectField })))

export function RemoteSelect(props: RemoteSelectProps) {
  const hydrated = useHydrated()
  const { reach, handlers } = useLoadOnReach()
  const [typed, setTyped] = useState<string | null>(null)
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
  const chosen = props.options.find((o) => o.value === props.defaultValue)?.label ?? ''
  const lookAlike = (
    <div>
      <TextInput
        id={props.id}
        label={props.label}
        description={props.description}
        placeholder={props.placeholder ?? 'Type to search'}
        error={props.error}
        required={props.required}
        w={props.w}
        autoComplete="off"
        aria-haspopup="listbox"
        value={typed ?? chosen}
        onChange={(event) => setTyped(event.currentTarget.value)}
        {...handlers}
      />
      <input type="hidden" name={props.name} value={props.defaultValue ?? ''} />
    </div>
  )
  return (
    <Suspense fallback={lookAlike}>
      {reach ? <RemoteSelectField {...props} reach={reach} typed={typed ?? undefined} /> : lookAlike}
    </Suspense>
  )
}
