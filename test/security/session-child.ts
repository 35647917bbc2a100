/**
 * Child process of the unprivileged half of the security suites (harness.ts starts it as a user
 * made with `useradd`): runs one session job (session-job.ts) read from the file named by the
 * first argument and writes the outcome as JSON to the file named by the second.
 */
import fs from 'node:fs';
import { runJob, type SessionJob } from './session-job.js';

const [jobFile, outFile] = process.argv.slice(2);
if (jobFile === undefined || outFile === undefined) {
  throw new Error('usage: session-child.ts JOB.json OUT.json');
}
const job = JSON.parse(fs.readFileSync(jobFile, 'utf8')) as SessionJob;
const outcome = await runJob(job, process.env);
const error = outcome.error && { message: outcome.error.message, stack: outcome.error.stack };
fs.writeFileSync(outFile, JSON.stringify({ ...outcome, error }));
// Whatever the run left open (sockets, timers) must not keep the child alive.
process.exit(0);
