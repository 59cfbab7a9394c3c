/**
 * The stream server rendering writes a page's HTML into (app/entry.server.tsx). It does two things
 * to what React writes:
 *
 * - React 18.3's `renderToPipeableStream` encodes HTML into a 2,048-byte buffer. When a multi-byte
 *   character (–, …, ·, é) does not fit at the buffer's end, React still writes out the whole buffer,
 *   so the chunk ends in up to three NUL bytes that were never written (fixed in React 19, never in
 *   18). Browsers mostly skip them, but the page is corrupt: a test saw "Showing 3\0\0–4 of 11 users".
 *   Gatehouse's HTML carries no NUL of its own (every text input refuses control characters), so
 *   each chunk's trailing NULs are dropped here.
 * - React writes a page as dozens of 2 KB chunks, and each went through the response's streams and
 *   into its own socket write. The chunks are gathered and passed on when React calls `flush()` (it
 *   does at the end of each round of work, as it would for a compression stream), or every 64 KB.
 * - Remix's <Scripts> writes `<link rel="modulepreload">` for every module of the page without the
 *   CSP nonce it gives its scripts; given a nonce, each such link gets it here, so every script the
 *   page loads is covered by the policy (product.md, Security baseline).
 */
import { Transform } from 'node:stream'

/** Most NUL bytes React 18 can leave at a chunk's end: a 4-byte character with 1 byte of room. */
const MAX_TRAILING_NULS = 3

/** Bytes gathered before they are passed on without waiting for React's flush (bounds memory per response). */
const MAX_GATHERED_BYTES = 64 * 1024

const PRELOAD = Buffer.from('<link rel="modulepreload"')

/** How many of `bytes`' last bytes start PRELOAD (a tag cut by a chunk boundary), 0 if none. */
function cutPreload(bytes: Buffer): number {
  for (let n = Math.min(PRELOAD.length - 1, bytes.length); n > 0; n--) {
    if (bytes.subarray(bytes.length - n).equals(PRELOAD.subarray(0, n))) return n
  }
  return 0
}

/**
 * A stream for rendered HTML that drops the NUL bytes React 18 leaves at chunk ends and passes the
 * page on in a few large chunks: on `flush()` (React's end of a round of work), every 64 KB, and at
 * the end. With `nonce` (the request's CSP nonce, base64), every `<link rel="modulepreload"` gets
 * `nonce="…"`.
 */
export function htmlBodyStream(nonce?: string): Transform & { flush(): void } {
  let gathered: Buffer[] = []
  let size = 0
  const withNonce = nonce
    ? Buffer.from(`<link nonce="${nonce.replace(/[^A-Za-z0-9+/=]/g, '')}" rel="modulepreload"`)
    : null
  const passOn = (end = false) => {
    if (size === 0) return
    let bytes = gathered.length === 1 ? gathered[0]! : Buffer.concat(gathered, size)
    gathered = []
    size = 0
    if (withNonce) {
      // A tag cut at the end waits for the rest (it is at most PRELOAD's length minus one byte).
      const keep = end ? 0 : cutPreload(bytes)
      if (keep > 0) {
        gathered = [Buffer.from(bytes.subarray(bytes.length - keep))]
        size = keep
        bytes = bytes.subarray(0, bytes.length - keep)
      }
      if (bytes.includes(PRELOAD)) {
        const parts: Buffer[] = []
        let from = 0
        for (let at = bytes.indexOf(PRELOAD); at !== -1; at = bytes.indexOf(PRELOAD, from)) {
          parts.push(bytes.subarray(from, at), withNonce)
          from = at + PRELOAD.length
        }
        parts.push(bytes.subarray(from))
        bytes = Buffer.concat(parts)
      }
      if (bytes.length === 0) return
    }
    stream.push(bytes)
  }
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let end = chunk.length
      while (end > 0 && chunk.length - end < MAX_TRAILING_NULS && chunk[end - 1] === 0) end--
      if (end > 0) {
        gathered.push(end === chunk.length ? chunk : chunk.subarray(0, end))
        size += end
      }
      if (size >= MAX_GATHERED_BYTES) passOn()
      callback()
    },
    flush(callback) {
      passOn(true)
      callback()
    },
  })
  return Object.assign(stream, { flush: () => passOn() })
}
