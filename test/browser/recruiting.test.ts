/**
 * A recruiter in a real browser (Chromium), with JavaScript off and on (product.md, Forms): create a
 * candidate (a bad email first: the form comes back with the message), move them along the pipeline,
 * schedule an interview, delete. Without JavaScript every step is a plain page and form; with it the
 * same steps go through the modals, the searchable pickers and the date-time picker.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO } from '#test/helpers/app.ts'
import { browserSuite, signIn } from '#test/helpers/browser.ts'
import { candidateFixture, interviewFixture } from '#test/helpers/fixtures.ts'

const suite = browserSuite()

const flash = (page: Page, text: string) => page.getByTestId('flash').getByText(text).waitFor()

describe('with JavaScript off', () => {
  it('creates a candidate, changes their status, schedules an interview and deletes them', async () => {
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, DEMO.manager, errors, { javaScriptEnabled: false })
    await page.goto(`${suite.server.url}/candidates/new`)
    await page.getByLabel('Full name').fill('Nojs Candidate')
    await page.getByLabel('Email').fill('nojs@')
    await page.getByLabel('Position').fill('Support Agent')
    await page.getByLabel('Phone').fill('(415) 555-0142')
    await page.getByRole('button', { name: 'Add candidate' }).click()
    await page.getByText('Enter a valid email address').waitFor()
    expect(await page.getByLabel('Full name').inputValue()).toBe('Nojs Candidate')
    expect(await suite.app.prisma.candidate.count({ where: { fullName: 'Nojs Candidate' } })).toBe(0)

    await page.getByLabel('Email').fill('nojs.candidate@example.com')
    await page.getByRole('button', { name: 'Add candidate' }).click()
    await flash(page, 'Nojs Candidate was added.')
    const candidate = await suite.app.prisma.candidate.findUniqueOrThrow({
      where: { email: 'nojs.candidate@example.com' },
    })
    expect(candidate.phone).toBe('+14155550142')

    await page.getByRole('button', { name: 'Move to screening' }).click()
    await flash(page, 'Nojs Candidate is now screening.')
    expect((await suite.app.prisma.candidate.findUniqueOrThrow({ where: { id: candidate.id } })).status).toBe(
      'screening',
    )

    await page.getByRole('link', { name: 'Schedule interview' }).click()
    await page.getByLabel('Interviewer', { exact: true }).selectOption({ label: 'Morgan Manager' })
    await page.getByLabel('Starts').fill('2031-06-02T10:00')
    await page.getByLabel('Type').selectOption('onsite')
    await page.getByRole('button', { name: 'Schedule interview' }).click()
    await flash(page, 'Interview with Nojs Candidate scheduled.')
    expect(new URL(page.url()).pathname).toBe(`/candidates/${candidate.id}`)
    const interview = await suite.app.prisma.interview.findFirstOrThrow({ where: { candidateId: candidate.id } })
    expect(interview).toMatchObject({ interviewerName: 'Morgan Manager', interviewType: 'onsite', status: 'scheduled' })

    await page.getByRole('link', { name: 'Delete' }).click()
    await page.getByText('1 interview goes with them.').waitFor()
    await page.getByRole('button', { name: 'Delete candidate' }).click()
    await flash(page, 'The candidate and 1 interview were deleted.')
    expect(await suite.app.prisma.candidate.count({ where: { id: candidate.id } })).toBe(0)
    expect(errors).toEqual([])
  })

  it('filters, sorts and pages the candidate list with plain links and a GET form', async () => {
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, DEMO.admin, errors, { javaScriptEnabled: false })
    await page.goto(`${suite.server.url}/candidates`)
    await page.getByLabel('Status').selectOption('open')
    await page.getByLabel('Rows per page').selectOption('10')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL((u) => u.searchParams.get('status') === 'open' && u.searchParams.get('size') === '10')
    await page.getByRole('link', { name: 'Name' }).click()
    await page.waitForURL((u) => u.searchParams.get('sort') === 'fullName' && u.searchParams.get('status') === 'open')
    expect(errors).toEqual([])
  })
})

describe('with JavaScript on', () => {
  it('rejecting someone with an interview ahead asks in a modal and cancels it in the same step', async () => {
    const errors: string[] = []
    const candidate = await candidateFixture(suite.app.prisma, { fullName: 'Modal Reject', status: 'interviewed' })
    const interview = await interviewFixture(suite.app.prisma, {
      candidateId: candidate.id,
      interviewerName: 'Panel Ahead',
    })
    const page = await signIn(suite.browser, suite.server.url, DEMO.manager, errors)
    await page.goto(`${suite.server.url}/candidates/${candidate.id}`)
    await page.getByRole('link', { name: 'Reject' }).click()
    const dialog = page.getByRole('dialog', { name: 'Reject Modal Reject?' })
    await dialog.getByText('Panel Ahead').waitFor()
    const box = dialog.getByRole('checkbox', { name: 'Cancel their 1 scheduled interview' })
    expect(await box.isChecked()).toBe(true)
    await dialog.getByRole('button', { name: 'Reject' }).click()
    await flash(page, 'Modal Reject is now rejected. 1 interview was cancelled.')
    expect((await suite.app.prisma.candidate.findUniqueOrThrow({ where: { id: candidate.id } })).status).toBe(
      'rejected',
    )
    expect((await suite.app.prisma.interview.findUniqueOrThrow({ where: { id: interview.id } })).status).toBe(
      'cancelled',
    )
    expect(errors).toEqual([])
  })

  it('typing in search navigates after a pause, and back restores the previous view', async () => {
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, DEMO.admin, errors)
    await page.goto(`${suite.server.url}/candidates?status=open`)
    await page.getByRole('searchbox', { name: 'Search' }).fill('a')
    await page.waitForURL((u) => u.searchParams.get('q') === 'a' && u.searchParams.get('status') === 'open')
    await page.getByRole('link', { name: 'Email' }).click()
    await page.waitForURL((u) => u.searchParams.get('sort') === 'email' && u.searchParams.get('q') === 'a')
    await page.goBack()
    await page.waitForURL((u) => u.searchParams.get('sort') === null && u.searchParams.get('q') === 'a')
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('a')
    expect(errors).toEqual([])
  })

  it('creates a candidate in the modal, changes their status and schedules an interview with the pickers', async () => {
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, DEMO.manager, errors)
    await page.goto(`${suite.server.url}/candidates`)
    await page.getByRole('link', { name: 'New candidate' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Full name').fill('Modal Candidate')
    await dialog.getByLabel('Email').fill('modal@')
    await dialog.getByLabel('Position').fill('Recruiter')
    await dialog.getByRole('button', { name: 'Add candidate' }).click()
    await dialog.getByText('Enter a valid email address').waitFor()
    expect(await suite.app.prisma.candidate.count({ where: { fullName: 'Modal Candidate' } })).toBe(0)
    await dialog.getByLabel('Email').fill('modal.candidate@example.com')
    await dialog.getByRole('button', { name: 'Add candidate' }).click()
    await flash(page, 'Modal Candidate was added.')
    const candidate = await suite.app.prisma.candidate.findUniqueOrThrow({
      where: { email: 'modal.candidate@example.com' },
    })

    await page.getByRole('button', { name: 'Reject' }).click()
    await flash(page, 'Modal Candidate is now rejected.')

    await page.goto(`${suite.server.url}/interviews`)
    await page.getByRole('link', { name: 'Schedule interview' }).click()
    const form = page.getByRole('dialog')
    await form.getByRole('textbox', { name: 'Candidate' }).click()
    await form.getByRole('textbox', { name: 'Candidate' }).fill('Modal Cand')
    await page.getByRole('option', { name: /Modal Candidate/ }).click()
    await form.getByLabel('Or an outside interviewer').fill('Dr. Browser Panel')
    await form.getByRole('button', { name: 'Starts' }).click()
    await page.getByRole('button', { name: 'Next month' }).click()
    await page.getByRole('button', { name: /^15 \w+ \d{4}$/ }).click()
    await page.getByLabel('Hours', { exact: true }).fill('10')
    await page.getByLabel('Minutes', { exact: true }).fill('30')
    await page.getByRole('button', { name: 'Use this date and time' }).click()
    await form.getByLabel('Type').selectOption('technical')
    await form.getByRole('button', { name: 'Schedule interview' }).click()
    await flash(page, 'Interview with Modal Candidate scheduled.')
    const interview = await suite.app.prisma.interview.findFirstOrThrow({ where: { candidateId: candidate.id } })
    expect(interview).toMatchObject({
      interviewerName: 'Dr. Browser Panel',
      interviewType: 'technical',
      durationMins: 60,
    })
    expect(interview.scheduledAt.getUTCDate()).toBe(15)
    expect(errors).toEqual([])
  })
})
