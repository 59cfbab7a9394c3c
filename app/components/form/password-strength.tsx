/**
 * A live strength hint under a new-password field: as the person types (debounced), the form's
 * password, email and name go to `POST /password-strength`, which answers with zxcvbn's score and
 * feedback — the same verdict the server applies on submit (product.md, Security baseline: passwords).
 * Without JavaScript nothing shows and the server's field error says the same after submitting.
 */
import { Progress, Stack, Text } from '@mantine/core'
import { useFetcher } from '@remix-run/react'
import { useEffect, useRef, type ChangeEvent } from 'react'

interface Strength {
  score: number
  acceptable: boolean
  feedback: string[]
}

const LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong']
const COLORS = ['red', 'red', 'orange', 'teal', 'green']
const DEBOUNCE_MS = 300

/**
 * `onChange` goes on the password input; `hint` renders the meter. The email and name of the person
 * are read from the same form's `email` and `fullName` fields when it has them (else the server uses
 * the signed-in user's).
 */
export function usePasswordStrength() {
  const fetcher = useFetcher<Strength>()
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const empty = useRef(true)
  useEffect(() => () => clearTimeout(timer.current), [])

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    clearTimeout(timer.current)
    empty.current = input.value === ''
    if (empty.current) return
    timer.current = setTimeout(() => {
      const body = new FormData()
      body.set('password', input.value)
      for (const name of ['email', 'fullName']) {
        const other = input.form?.elements.namedItem(name)
        if (other instanceof HTMLInputElement && other.value) body.set(name, other.value)
      }
      fetcher.submit(body, { method: 'post', action: '/password-strength' })
    }, DEBOUNCE_MS)
  }

  const result = fetcher.data && 'score' in fetcher.data ? fetcher.data : null
  const hint = (
    <div aria-live="polite">
      {result && !empty.current && (
        <Stack gap={2} mt={4} data-testid="password-strength">
          <Progress value={((result.score + 1) / 5) * 100} color={COLORS[result.score]} size="sm" aria-hidden />
          <Text size="xs" c={result.acceptable ? undefined : 'red.8'}>
            {`${LABELS[result.score]}${result.acceptable ? '' : ' — choose something harder to guess'}. ${result.feedback.join(' ')}`}
          </Text>
        </Stack>
      )}
    </div>
  )
  return { onChange, hint }
}
