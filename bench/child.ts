/** Entry of the benchmark's child processes: one measurement each, JSON on the last stdout line. */
import { digestMemory } from './digest.js';
import type { SessionParams } from './session.js';

const [kind, arg1, arg2] = process.argv.slice(2);
let result: unknown;
if (kind === 'session') {
  // Loaded only here: the session bench pulls in test helpers the digest children do not need.
  const { runSessionBench } = await import('./session.js');
  result = await runSessionBench(JSON.parse(arg1 ?? '{}') as SessionParams);
} else if (kind === 'idle') {
  // Same modules loaded as a session child, no session: the RSS floor.
  await import('./session.js');
  await import('../src/model/tokens.js').then((m) => m.loadTokenizer());
  result = { maxRssBytes: process.resourceUsage().maxRSS * 1024 };
} else if (kind === 'digest-memory') {
  result = await digestMemory(arg1 ?? '', arg2 === 'digest' ? 'digest' : 'read');
} else {
  throw new Error(`unknown bench child: ${kind}`);
}
process.stdout.write(`\n${JSON.stringify(result)}\n`);
