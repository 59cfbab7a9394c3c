/**
 * The dashboard's charts (@mantine/charts, loaded on this route only, after hydration: bar-chart-picture.tsx). Each is a figure with a caption,
 * a one-sentence summary for screen readers, and its numbers as a table under "Show the numbers"
 * (a native <details>; without JavaScript the table stands in place of the picture), its rows the
 * lists' lean rows (rows.tsx).
 */
import '@mantine/charts/styles.css'
import { Box, Paper, Table, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { formatDay } from '#shared/time-zone.ts'
import { CANDIDATE_STATUS_LABELS, type CandidateStatus } from '#shared/vocabulary/candidates.ts'
import { CALL_OUTCOME_LABELS, CALL_OUTCOMES, type CallOutcome } from '#shared/vocabulary/calls.ts'
import { Cell, Row } from '#app/components/list/rows.tsx'
import { BarChartPicture } from './bar-chart-picture'

/**
 * The charts are pictures of the numbers in the table below them: recharts' keyboard layer is off so
 * nothing inside the hidden picture takes focus.
 */
const NOT_FOCUSABLE = { accessibilityLayer: false, tabIndex: -1 }

/** "Tue 24 Nov" for a day key ("2026-11-24"). */
const dayLabel = (day: string) => formatDay(`${day}T12:00:00Z`, 'UTC').replace(/,? \d{4}$/, '')

function ChartFigure(props: { title: string; summary: string; children: ReactNode; table: ReactNode }) {
  return (
    <Paper withBorder p="md" component="figure" m={0}>
      <Title order={2} size="h4" mb="xs" component="figcaption">
        {props.title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {props.summary}
      </Text>
      <Box aria-hidden className="js-only">
        {props.children}
      </Box>
      {/* Without JavaScript there is no picture: the numbers themselves, in place of it. */}
      <noscript>{props.table}</noscript>
      <details className="js-only">
        <summary>
          <Text span size="sm">
            Show the numbers
          </Text>
        </summary>
        {/* Scrolls sideways in a narrow column instead of spilling out of the card; focusable so a keyboard can scroll it. */}
        <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={`${props.title}: the numbers`}>
          {props.table}
        </Box>
      </details>
    </Paper>
  )
}

export function CandidatesByStatusChart({ data }: { data: Array<{ status: CandidateStatus; count: number }> }) {
  const total = data.reduce((s, d) => s + d.count, 0)
  const rows = data.map((d) => ({ label: CANDIDATE_STATUS_LABELS[d.status], count: d.count }))
  return (
    <ChartFigure
      title="Candidates by status"
      summary={`${total} candidates: ${rows.map((r) => `${r.count} ${r.label.toLowerCase()}`).join(', ')}.`}
      table={<CountTable label="Candidates by status" headers={['Status', 'Candidates']} rows={rows} />}
    >
      {/* Bars across, the statuses down the side: every status keeps its label however narrow the card. */}
      <BarChartPicture
        h={220}
        data={rows}
        dataKey="label"
        orientation="vertical"
        yAxisProps={{ width: 90, interval: 0 }}
        series={[{ name: 'count', label: 'Candidates', color: 'indigo.6' }]}
        withTooltip={false}
        barChartProps={NOT_FOCUSABLE}
      />
    </ChartFigure>
  )
}

const CALL_COLORS: Record<CallOutcome, string> = {
  answered: 'green.6',
  missed: 'red.6',
  busy: 'orange.6',
  voicemail: 'grape.6',
}

/** Calls per day stacked by outcome (both directions): how many calls connected, day by day. */
export function CallsByDayChart({ data }: { data: Array<{ day: string } & Record<CallOutcome, number>> }) {
  const total = data.reduce((s, d) => s + CALL_OUTCOMES.reduce((t, k) => t + d[k], 0), 0)
  const missed = data.reduce((s, d) => s + d.missed, 0)
  const rows = data.map((d) => ({ ...d, label: dayLabel(d.day) }))
  return (
    <ChartFigure
      title="Calls per day, last 14 days"
      summary={`${total} calls in the last 14 days, ${missed} of them missed.`}
      table={
        <Table aria-label="Calls per day by outcome" mt="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Day</Table.Th>
              {CALL_OUTCOMES.map((o) => (
                <Table.Th key={o}>{CALL_OUTCOME_LABELS[o]}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Row key={r.day}>
                <Cell>{r.label}</Cell>
                {CALL_OUTCOMES.map((o) => (
                  <Cell key={o}>{r[o]}</Cell>
                ))}
              </Row>
            ))}
          </Table.Tbody>
        </Table>
      }
    >
      <BarChartPicture
        h={240}
        data={rows}
        dataKey="label"
        type="stacked"
        withLegend
        series={CALL_OUTCOMES.map((o) => ({ name: o, label: CALL_OUTCOME_LABELS[o], color: CALL_COLORS[o] }))}
        withTooltip={false}
        barChartProps={NOT_FOCUSABLE}
      />
    </ChartFigure>
  )
}

export function InterviewsByDayChart({ data }: { data: Array<{ day: string; count: number }> }) {
  const total = data.reduce((s, d) => s + d.count, 0)
  const busiest = data.reduce((best, d) => (d.count > best.count ? d : best), { day: '', count: 0 })
  const rows = data.map((d) => ({ label: dayLabel(d.day), count: d.count, day: d.day }))
  return (
    <ChartFigure
      title="Interviews per day, next 14 days"
      summary={`${total} interviews in the next 14 days${busiest.count ? `; the busiest day is ${dayLabel(busiest.day)} with ${busiest.count}` : ''}.`}
      table={<CountTable label="Interviews per day" headers={['Day', 'Interviews']} rows={rows} rowKey="day" />}
    >
      <BarChartPicture
        h={220}
        data={rows}
        dataKey="label"
        series={[{ name: 'count', label: 'Interviews', color: 'violet.6' }]}
        withTooltip={false}
        barChartProps={NOT_FOCUSABLE}
      />
    </ChartFigure>
  )
}

/**
 * A chart's numbers as a two-column table named `label`: `headers` (what, how many), then a row per
 * entry of `rows` (its label and count), keyed by `rowKey` (default the label).
 */
function CountTable<R extends { label: string; count: number }>(props: {
  label: string
  headers: readonly [string, string]
  rows: R[]
  rowKey?: keyof R
}) {
  const rowKey = props.rowKey ?? 'label'
  return (
    <Table aria-label={props.label} mt="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{props.headers[0]}</Table.Th>
          <Table.Th>{props.headers[1]}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((r) => (
          <Row key={String(r[rowKey])}>
            <Cell>{r.label}</Cell>
            <Cell>{r.count}</Cell>
          </Row>
        ))}
      </Table.Tbody>
    </Table>
  )
}
