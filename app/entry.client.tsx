import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { dropModalState } from '#app/utils/modal-state.ts'

// A reloaded page is rendered by the server as a plain page; the history entry may still say "modal"
// (it survives a reload), which would make the first client render differ from the server's HTML.
dropModalState(window.history)

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  )
})
