/**
 * The stream server rendering writes a page's HTML into (app/entry.server.tsx).
 *
 * React 18.3's `renderToPipeableStream` encodes HTML into a 2,048-byte buffer. When a multi-byte
 * character (–, …, ·, é) does not fit at the buffer's end, React still writes out the whole buffer,
 * so the chunk ends in up to three NUL bytes that were never written (fixed in React 19, never in 18).
 * Browsers mostly skip them, but the page is corrupt: a test saw "Showing 3\0\0–4 of 11 users".
 * Gatehouse's HTML carries no NUL of its own (every text input refuses control characters), so each
 * chunk's trailing NULs are dropped here.
 */
import { Transform } from 'node:stream'

/** Most NUL bytes React 18 can leave at a chunk's end: a 4-byte character with 1 byte of room. */
const MAX_TRAILING_NULS = 3

/** A pass-through stream for rendered HTML that drops the NUL bytes React 18 leaves at chunk ends. */
export function htmlBodyStream(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let end = chunk.length
      while (end > 0 && chunk.length - end < MAX_TRAILING_NULS && chunk[end - 1] === 0) end--
      callback(null, end === chunk.length ? chunk : chunk.subarray(0, end))
    },
  })
}
