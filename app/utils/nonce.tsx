/** The CSP nonce on the server render (empty in the browser, which hides nonces from scripts). */
import { createContext, useContext } from 'react'

const NonceContext = createContext('')
export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
