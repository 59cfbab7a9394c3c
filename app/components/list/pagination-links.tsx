import { VisuallyHidden } from '@mantine/core'
import { usePagination } from '@mantine/hooks'
import { Link } from '@remix-run/react'
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { nounFor, type Noun } from '#shared/plural.ts'
import type { Paginated } from '#shared/vocabulary/list.ts'
import { useListHref } from './list-url'
import classes from './pagination-links.module.css'

/**
 * Below an offset list: "Showing 21–40 of 57 calls" ("of 1 call": the noun follows plural rules) and page links (`?page=`), which work without
 * JavaScript (product.md, Lists). Mantine's usePagination picks the page numbers (one sibling each
 * side of the current page, the first and last, dots between); the links are plain, styled like
 * Mantine's Pagination. At the first or last page, "previous"/"next" is shown disabled, not linked.
 */
export function PaginationLinks({ result, noun }: { result: Omit<Paginated<unknown>, 'items'>; noun: Noun }) {
  const hrefWith = useListHref()
  const { range } = usePagination({ total: result.pageCount, page: result.page, siblings: 1, boundaries: 1 })
  const first = result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1
  const last = Math.min(result.total, result.page * result.pageSize)
  const link = (page: number, label: string, content: ReactNode) => (
    <Link className={classes.control} to={hrefWith({ page })} preventScrollReset aria-label={label}>
      {content}
    </Link>
  )
  /** "previous page" / "next page": disabled (a span saying so) at the first or last page. */
  const step = (page: number, label: string, icon: ReactNode) =>
    page === result.page ? (
      <span className={classes.control} data-disabled="true">
        {icon}
        <VisuallyHidden>{label} (none)</VisuallyHidden>
      </span>
    ) : (
      link(page, label, icon)
    )
  return (
    <div className={classes.bar}>
      <p className={classes.summary} aria-live="polite">
        {result.total === 0
          ? `No ${noun.other}`
          : `Showing ${first.toLocaleString('en-GB')}–${last.toLocaleString('en-GB')} of ${result.total.toLocaleString('en-GB')}${result.totalCapped ? '+' : ''} ${nounFor(result.totalCapped ? 2 : result.total, noun)}`}
      </p>
      {result.pageCount > 1 && (
        <nav aria-label="Pages">
          <ul className={classes.pages}>
            <li>{step(Math.max(1, result.page - 1), 'previous page', <IconChevronLeft size={18} aria-hidden />)}</li>
            {range.map((page, i) =>
              page === 'dots' ? (
                <li key={`dots-${i}`} className={classes.dots} aria-hidden="true">
                  …
                </li>
              ) : (
                <li key={page}>
                  {page === result.page ? (
                    <span className={classes.control} aria-current="page">
                      <VisuallyHidden>Page </VisuallyHidden>
                      {page}
                    </span>
                  ) : (
                    link(page, `Page ${page}`, page)
                  )}
                </li>
              ),
            )}
            <li>
              {step(
                Math.min(result.pageCount, result.page + 1),
                'next page',
                <IconChevronRight size={18} aria-hidden />,
              )}
            </li>
          </ul>
        </nav>
      )}
    </div>
  )
}
