import { defineConfig } from 'vitest/config'
import { limit } from './test/helpers/wait.ts'

/**
 * Tests by kind (README, Tests): unit tests beside their code (`shared/`, `server/`, `app/`), and under
 * `test/`: `db/` (procedures on a real database), `http/` (the built app over real HTTP), `browser/`
 * (Chromium). `npm run test:db` selects `test/db` and `test/http` to rerun them on PostgreSQL.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'server/**/*.test.ts', 'shared/**/*.test.ts', 'app/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // Limits catch a hang; they must hold on a busy machine (test/helpers/wait.ts, TEST_TIME_FACTOR).
    testTimeout: limit(120_000),
    hookTimeout: limit(300_000),
    env: { NODE_ENV: 'test' },
  },
})
