/**
 * Time in tests. A test waits for a condition, never for a fixed time, and its limits only catch a
 * hang: they must hold on a slow machine that is busy with other work (a 2-core CI machine running
 * the whole suite, or a developer's laptop building at the same time).
 */

/**
 * How many times slower than an idle 2-core machine the limits allow for: `TEST_TIME_FACTOR`
 * (a number ≥ 1, default 1). The base limits are already generous; raise it on a very slow machine.
 */
export const TIME_FACTOR = Math.max(1, Number(process.env.TEST_TIME_FACTOR) || 1)

/** A test's, hook's or wait's limit: `ms` (milliseconds) times TIME_FACTOR. */
export function limit(ms: number): number {
  return Math.round(ms * TIME_FACTOR)
}

/**
 * Calls `condition` until it returns something other than `false`, `null` or `undefined`, and
 * returns that. A condition that throws counts as "not yet" (a server still starting refuses
 * connections); if the time runs out, the last error is the cause of the one thrown.
 * `timeout` in ms (default `limit(60_000)`), `interval` in ms between calls (default 100).
 * @throws Error naming `what` when `timeout` passed without the condition holding.
 */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  {
    what = 'the condition',
    timeout = limit(60_000),
    interval = 100,
  }: { what?: string; timeout?: number; interval?: number } = {},
): Promise<Exclude<T, false | null | undefined>> {
  const deadline = performance.now() + timeout
  let lastError: unknown
  for (;;) {
    try {
      const value = await condition()
      if (value !== false && value !== null && value !== undefined) return value as Exclude<T, false | null | undefined>
    } catch (error) {
      lastError = error
    }
    if (performance.now() >= deadline)
      throw new Error(`waited ${Math.round(timeout / 1000)} s for ${what}`, { cause: lastError })
    await new Promise((resolve) => setTimeout(resolve, interval))
  }
}
