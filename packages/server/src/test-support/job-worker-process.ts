/**
 * A worker process for the crash tests (platform/jobs/jobs-crash.test.ts): opens the database
 * named on its command line, works one queue with the tests' short settings, and on taking a job
 * prints « pris <id> <attempt> » and hangs, so that the test can kill it with SIGKILL mid-run.
 *
 *   node dist/test-support/job-worker-process.js <in-process|pg-boss> <database URL> <queue>
 */
import { openStorage } from '../db/database.js';
import { openJobs } from '../platform/jobs/open-jobs.js';
import { QUICK_JOBS } from './job-engines.js';

const [engine, url, queue] = process.argv.slice(2);
if ((engine !== 'in-process' && engine !== 'pg-boss') || url === undefined || queue === undefined) {
  process.stderr.write('usage : job-worker-process <in-process|pg-boss> <url> <file>\n');
  process.exit(64);
}
const storage = openStorage(url);
const jobs = openJobs(storage, { ...QUICK_JOBS, engine });
await jobs.work(queue, async (job) => {
  process.stdout.write(`pris ${job.id} ${job.attempt}\n`);
  // Never finishes: the process is killed in the middle of this run.
  await new Promise(() => {});
});
await jobs.start();
process.stdout.write('prêt\n');
// Keeps the process alive whatever the engine's timers do.
setInterval(() => {}, 60_000);
