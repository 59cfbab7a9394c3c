/**
 * Rate limits high enough never to trip: the benchmark and profiling scripts pass them to
 * `createServices({ config: { rateLimits } })` so that thousands of requests from one address and
 * account measure the app, not the limiter. Counts per the window each limit names.
 */
export const UNLIMITED_RATE_LIMITS = {
  loginPerEmailIp: 1e6,
  loginPerIpDay: 1e6,
  loginPerAccountHour: 1e6,
  requestsPerMinute: 1e9,
  exportsPerHour: 1e6,
  userCreatesPerHour: 1e6,
}
