/**
 * `npm run bench`: measures greenloop's start-up, harness overhead, digest, patch applier and
 * compaction, each beside a baseline measured in the same run (absolute times on shared
 * machines drift, ratios much less). Prints markdown tables and writes bench/results.json.
 *
 * `npm run bench -- --only=startup,digest` runs some sections (startup, harness, digest,
 * patch, compaction); `--readme` also rewrites the README's section between its bench markers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CompactionMode } from '../src/config/types.js';
import { benchDigest, type DigestResult } from './digest.js';
import { benchPatch, type PatchResult } from './patch.js';
import type { SessionParams, SessionResult } from './session.js';
import { benchStartup, type StartupResult } from './startup.js';
import { mb, ms, num, pct, repoRoot, round, runChild, table } from './util.js';

const README_START = '<!-- bench:start -->';
const README_END = '<!-- bench:end -->';

const SECTIONS = ['startup', 'harness', 'digest', 'patch', 'compaction'] as const;
type Section = (typeof SECTIONS)[number];

const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
const selected = new Set<Section>(
  onlyArg
    ? onlyArg
        .slice('--only='.length)
        .split(',')
        .filter((s): s is Section => (SECTIONS as readonly string[]).includes(s))
    : SECTIONS,
);

interface HarnessResult {
  readonly session: SessionResult;
  readonly idleRssBytes: number;
  readonly targets: { readonly perTurnMs: number; readonly rssBytes: number };
  readonly meetsTarget: boolean;
}

interface CompactionResult {
  readonly turns: number;
  readonly contextWindow: number;
  readonly outputBytes: number;
  readonly modes: readonly SessionResult[];
}

const yes = (value: boolean): string => (value ? 'yes' : '**no**');
const ok = (value: boolean): string => (value ? 'met' : '**missed**');

function startupTable(r: StartupResult): string {
  return [
    `### Start-up (median of ${r.runs} runs; target: under ${r.targetMs} ms on top of bare Node — ${ok(r.meetsTarget)})`,
    '',
    table(
      ['measure', 'greenloop', 'baseline `node -e ""`', 'difference'],
      [
        [
          'action: spawn → first model request',
          ms(r.actionFirstRequestMs),
          ms(r.nodeBareMs),
          `+${ms(r.actionOverBareMs)}`,
        ],
        [
          'CLI: `greenloop --version`',
          ms(r.cliVersionMs),
          ms(r.nodeBareMs),
          `+${ms(r.cliOverBareMs)}`,
        ],
        [
          'action, CPU time of the node process',
          ms(r.cpu.actionMs),
          ms(r.cpu.nodeBareMs),
          `+${ms(r.cpu.actionMs - r.cpu.nodeBareMs)}`,
        ],
        [
          'CLI `--version`, CPU time',
          ms(r.cpu.cliMs),
          ms(r.cpu.nodeBareMs),
          `+${ms(r.cpu.cliMs - r.cpu.nodeBareMs)}`,
        ],
      ],
    ),
    '',
    table(
      ['bundle', 'size'],
      [
        ['action (`dist/*.js`)', mb(r.bundleBytes.action)],
        ['CLI launcher (`dist/cli/*.js`; it starts the action bundle)', mb(r.bundleBytes.cli)],
        ['total', mb(r.bundleBytes.total)],
      ],
    ),
  ].join('\n');
}

function harnessTable(r: HarnessResult): string {
  const s = r.session;
  const share = (value: number): string => pct(value / s.wallMs);
  return [
    `### Harness overhead (${s.turns} turns, ${s.iterations} test runs; scripted model, trivial commands; target: under ${r.targets.perTurnMs} ms per turn and ${mb(r.targets.rssBytes)} — ${ok(r.meetsTarget)})`,
    '',
    table(
      ['measure', 'time', 'share of wall time'],
      [
        ['wall time of the session', ms(s.wallMs), '100%'],
        ['baseline: inside the model (scripted)', ms(s.modelMs), share(s.modelMs)],
        ['baseline: inside tool and test processes', ms(s.processMs), share(s.processMs)],
        ['harness overhead (wall − model − processes)', ms(s.overheadMs), share(s.overheadMs)],
        ['… of which git snapshots/restores', ms(s.gitMs), share(s.gitMs)],
        ['harness overhead per turn', ms(s.overheadPerTurnMs), ''],
        ['… without git, per turn', ms(s.inProcessPerTurnMs), ''],
        ['harness overhead per iteration (test run)', ms(s.overheadPerIterationMs), ''],
      ],
    ),
    '',
    table(
      ['memory', 'peak RSS'],
      [
        [`session child (${s.turns} turns)`, mb(s.maxRssBytes)],
        ['baseline: same child, modules loaded, no session', mb(r.idleRssBytes)],
        ['difference', mb(s.maxRssBytes - r.idleRssBytes)],
      ],
    ),
  ].join('\n');
}

function digestTables(r: DigestResult): string {
  const rows = r.rows.map((row) => [
    row.log,
    mb(row.bytes),
    String(row.failing),
    pct(row.digest.ids),
    pct(row.digest.messages),
    pct(row.digest.places),
    yes(row.digest.exactCounts),
    num(row.digest.tokens),
    `${pct(row.tail.ids)} / ${pct(row.tail.messages)} / ${pct(row.tail.places)}`,
    num(row.tail.tokens),
  ]);
  const t = r.totals;
  rows.push([
    `**all ${t.runs} runs**`,
    '',
    String(t.failing),
    `**${pct(t.digest.ids)}**`,
    `**${pct(t.digest.messages)}**`,
    `**${pct(t.digest.places)}**`,
    `**${t.digest.exactCounts}/${t.runs}**`,
    `max ${num(t.digest.maxTokens)}`,
    `${pct(t.tail.ids)} / ${pct(t.tail.messages)} / ${pct(t.tail.places)}`,
    `max ${num(t.tail.maxTokens)}`,
  ]);
  const timing = r.timing;
  return [
    `### Digest on ${t.runs} real runner logs (test/fixtures/logs/real; target: 100% of ids, messages and exact counts at ≤ ${num(r.budget)} tokens — ${ok(r.meetsTarget)})`,
    '',
    'Recall of failing test ids, their first error line verbatim, and `file:line` where the runner printed one; exact counts = failed, passed and skipped all equal to the truth (go without `-v` prints no passes: failed only). Baseline: the plain tail of the log cut to the same budget (ids / messages / places).',
    '',
    table(
      [
        'log',
        'size',
        'failing',
        'ids',
        'messages',
        'places',
        'exact counts',
        'digest tokens',
        `tail ${num(r.budget)}: ids / messages / places`,
        'tail tokens',
      ],
      rows,
    ),
    '',
    `### Digest and loop timings on a ${mb(timing.logBytes)} log`,
    '',
    table(
      ['measure', 'greenloop', 'baseline', 'ratio'],
      [
        [
          'digest the log (streamed)',
          ms(timing.digestMs),
          `${ms(timing.readLinesMs)} (read lines only)`,
          `${round(timing.digestMs / timing.readLinesMs, 1)}×`,
        ],
        [
          'one test run in the loop (run + log file + digest)',
          ms(timing.testRunMs),
          `${ms(timing.rawCommandMs)} (the command alone)`,
          `${round(timing.testRunMs / timing.rawCommandMs, 1)}×`,
        ],
        ...timing.memory.map((m) => [
          `peak RSS growth digesting ${mb(m.bytes)} (peak less the child's RSS at start)`,
          `+${mb(m.digestGrowthBytes)} (peak ${mb(m.digestPeakRssBytes)})`,
          `+${mb(m.readGrowthBytes)} (read lines only; peak ${mb(m.readPeakRssBytes)})`,
          `${m.digestGrowthBytes - m.readGrowthBytes >= 0 ? '+' : ''}${mb(m.digestGrowthBytes - m.readGrowthBytes)}`,
        ]),
      ],
    ),
  ].join('\n');
}

function patchTable(r: PatchResult): string {
  const rows = r.rows.map((row) =>
    row.available
      ? [
          row.applier,
          `${pct(row.applyRate)} (${row.applied}/${row.wellFormed})`,
          String(row.wrongPlace),
          String(row.partial),
          `${row.refusedCorrectly}/${row.refuseCases}`,
          `${row.byCategory.whitespace?.ok ?? 0}/${row.byCategory.whitespace?.total ?? 0}`,
          `${row.byCategory.shifted?.ok ?? 0}/${row.byCategory.shifted?.total ?? 0}`,
        ]
      : [row.applier, `not run: ${row.note ?? ''}`, '', '', '', '', ''],
  );
  return [
    `### Patch application (${r.cases} generated cases, seed ${r.seed})`,
    '',
    table(
      [
        'applier',
        'success rate',
        'wrong-place applies',
        'partial applies',
        'refused correctly',
        'whitespace drift',
        'shifted lines',
      ],
      rows,
    ),
  ].join('\n');
}

function compactionTable(r: CompactionResult): string {
  const rows = r.modes.map((s) => [
    `\`${s.params.mode}\``,
    `${s.status} after ${s.turns} turns`,
    num(s.peakContextTokens),
    String(s.compactions),
    `${pct(s.prefixStable / Math.max(1, s.prefixPairs))} (${s.prefixStable}/${s.prefixPairs})`,
    yes(s.pinnedSurvives),
    `${yes(s.latestDigestSurvives)} (${s.latestDigestKept}/${s.latestDigestRequests})`,
  ]);
  return [
    `### Compaction (${r.turns}-turn scripted session, tool outputs ~${round(r.outputBytes / 1024, 1)} KB, ${num(r.contextWindow)}-token window; \`off\` is the baseline)`,
    '',
    table(
      [
        'mode',
        'outcome',
        'peak context tokens',
        'compactions',
        'prefix stability',
        'pinned task kept',
        'latest digest in every request',
      ],
      rows,
    ),
  ].join('\n');
}

async function session(params: SessionParams): Promise<SessionResult> {
  return runChild<SessionResult>(['session', JSON.stringify(params)], 600_000);
}

async function main(): Promise<void> {
  const started = performance.now();
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      loadAverage: os.loadavg().map((l) => round(l, 2)),
    },
  };
  const out: string[] = [
    `## greenloop benchmark — ${String(results.date)}`,
    '',
    `Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os
      .loadavg()
      .map((l) => round(l, 1))
      .join(' ')} at start.`,
  ];
  const emit = (text: string): void => {
    out.push('', text);
    console.log(`\n${text}`);
  };
  console.log(out.join('\n'));

  if (selected.has('startup')) {
    const r = await benchStartup(7);
    results.startup = r;
    emit(startupTable(r));
  }
  if (selected.has('harness')) {
    const s = await session({
      mode: 'mask',
      turns: 300,
      contextWindow: 32_000,
      outputBytes: 3000,
      testEvery: 10,
    });
    const idle = await runChild<{ maxRssBytes: number }>(['idle']);
    const targets = { perTurnMs: 50, rssBytes: 200 * 1024 * 1024 };
    const r: HarnessResult = {
      session: s,
      idleRssBytes: idle.maxRssBytes,
      targets,
      meetsTarget: s.overheadPerTurnMs < targets.perTurnMs && s.maxRssBytes < targets.rssBytes,
    };
    results.harness = r;
    emit(harnessTable(r));
  }
  if (selected.has('digest')) {
    const r = await benchDigest();
    results.digest = r;
    emit(digestTables(r));
  }
  if (selected.has('patch')) {
    const r = await benchPatch(1, 240);
    results.patch = r;
    emit(patchTable(r));
  }
  if (selected.has('compaction')) {
    const base = {
      turns: 320,
      contextWindow: 32_000,
      outputBytes: 3000,
      testEvery: 10,
      cannedProcesses: true,
    };
    const modes: SessionResult[] = [];
    for (const mode of [
      'off',
      'mask',
      'summary',
      'server',
    ] as const satisfies readonly CompactionMode[]) {
      modes.push(await session({ ...base, mode }));
    }
    const r: CompactionResult = { ...base, modes };
    results.compaction = r;
    emit(compactionTable(r));
  }
  const elapsed = (performance.now() - started) / 1000;
  results.elapsedSeconds = round(elapsed, 1);
  emit(
    `Total bench time: ${round(elapsed, 0)} s. Reproduce with \`npm run bench\`; numbers in \`bench/results.json\`.`,
  );
  writeFileSync(
    path.join(repoRoot, 'bench', 'results.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  if (process.argv.includes('--readme')) updateReadme(out.slice(1).join('\n').trim(), results);
}

/** Replaces the README's benchmark section (between its markers) with this run's tables. */
function updateReadme(tables: string, results: Record<string, unknown>): void {
  const file = path.join(repoRoot, 'README.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END}`);
  const body = [
    README_START,
    '',
    'Every figure sits beside a baseline measured in the same run (absolute times drift on shared',
    'machines). Reproduce with `npm run bench` (offline, about 4–8 minutes on 2 cores); the numbers',
    'are written to `bench/results.json`, and `npm run bench -- --readme` refreshes this section.',
    `Latest run: ${String(results.date).slice(0, 10)}.`,
    '',
    tables.replace(/^### /gm, '#### '),
    '',
    README_END,
  ].join('\n');
  writeFileSync(file, text.slice(0, start) + body + text.slice(end + README_END.length));
}

await main();
