/**
 * CSV exports (product.md, Lists: exports): a streamed `text/csv` response written by csv-stringify
 * from an async iterable of rows, so memory stays flat however many rows match. Cells that a
 * spreadsheet would run as a formula are neutralised.
 */
import { Readable } from 'node:stream'
import { stringify } from 'csv-stringify'
import type { Context } from '#server/context.server.ts'

/**
 * A cell a spreadsheet would treat as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage
 * return) gets a leading `'`, so it is shown as text (OWASP "CSV injection").
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

export interface CsvColumn<T> {
  header: string
  value: (row: T) => string | number | boolean | Date | null | undefined
}

/**
 * Streams `rows` as a CSV attachment named `<name>-<date>.csv`: a header row, then one row per item.
 * Dates are written as ISO 8601 (UTC). An error while streaming is logged and ends the download.
 */
export function csvResponse<T>(
  ctx: Context,
  name: string,
  columns: ReadonlyArray<CsvColumn<T>>,
  rows: AsyncIterable<T>,
): Response {
  const stringifier = stringify({
    header: true,
    columns: columns.map((c, i) => ({ key: String(i), header: c.header })),
    cast: {
      string: neutralizeFormula,
      date: (d) => d.toISOString(),
      boolean: (b) => (b ? 'yes' : 'no'),
    },
  })
  const source = Readable.from(
    (async function* () {
      for await (const row of rows) yield Object.fromEntries(columns.map((c, i) => [String(i), c.value(row) ?? '']))
    })(),
  )
  source.on('error', (err) => {
    ctx.services.logger.error(
      { err, requestId: ctx.requestId, userId: ctx.user?.id ?? null, export: name },
      'export failed while streaming',
    )
    stringifier.destroy(err)
  })
  source.pipe(stringifier)
  const date = ctx.services.now().toISOString().slice(0, 10)
  return new Response(Readable.toWeb(stringifier) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}-${date}.csv"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
