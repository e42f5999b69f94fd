/**
 * After each test file, kills any `npm start` launcher its tests left running (a test that failed
 * before stopping it): otherwise the child holds jest open after the run, and CI waits out its limit.
 */
import { killLaunchers } from '../src/shelfmarkProcess';

afterAll(async () => {
  const killed = await killLaunchers();
  if (killed > 0) console.warn(`Killed ${killed} launcher(s) this test file left running.`);
});
