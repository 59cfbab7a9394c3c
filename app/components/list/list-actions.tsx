/**
 * The buttons at the top of a list screen (product.md, Lists): the CSV export and the create button
 * that opens its form as a modal over the list.
 */
import { Button } from '@mantine/core'
import { Link, useLocation } from '@remix-run/react'
import { IconDownload } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { modalState } from '#app/components/form/child-screen.ts'

/** "Export CSV": a plain link to the list's export resource route at `href` (a download). */
export function ExportButton({ href }: { href: string }) {
  return (
    <Button component="a" href={href} variant="default" leftSection={<IconDownload size={16} />}>
      Export CSV
    </Button>
  )
}

/** The list's create button, named `children` with `icon` before it: opens `to` as a modal over this page. */
export function CreateButton(props: { to: string; icon: ReactNode; children: ReactNode }) {
  const location = useLocation()
  return (
    <Button component={Link} to={props.to} state={modalState(location)} leftSection={props.icon}>
      {props.children}
    </Button>
  )
}
