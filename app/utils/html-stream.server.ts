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
 */
import { Transform } from 'node:stream'

/** Most NUL bytes React 18 can leave at a chunk's end: a 4-byte character with 1 byte of room. */
const MAX_TRAILING_NULS = 3

/** Bytes gathered before they are passed on without waiting for React's flush (bounds memory per response). */
const MAX_GATHERED_BYTES = 64 * 1024

/**
 * A stream for rendered HTML that drops the NUL bytes React 18 leaves at chunk ends and passes the
 * page on in a few large chunks: on `flush()` (React's end of a round of work), every 64 KB, and at
 * the end.
 */
export function htmlBodyStream(): Transform & { flush(): void } {
  let gathered: Buffer[] = []
  let size = 0
  const passOn = () => {
    if (size === 0) return
    stream.push(gathered.length === 1 ? gathered[0] : Buffer.concat(gathered, size))
    gathered = []
    size = 0
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
      passOn()
      callback()
    },
  })
  return Object.assign(stream, { flush: passOn })
}
