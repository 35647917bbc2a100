/**
 * `npm run bench`: measures greenloop's start-up, harness overhead, digest, patch applier and
 * compaction, each beside a baseline measured in the same run (absolute times on shared
 * machines drift, ratios much less). Prints markdown tables and writes bench/results.json.
 *
 * `npm run bench -- --only=startup,digest` runs some sections (startup, harness, digest,
 * patch, compaction, tokens); `--readme` also rewrites the README's section between its bench
 * markers. The load average is printed at the start of every section: on a shared machine it
 * explains the figures.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CompactionMode } from '../src/config/types.js';
import { benchDigest, type DigestResult } from './digest.js';
import { benchPatch, type PatchResult } from './patch.js';
import type { SessionParams, SessionResult } from './session.js';
import { benchStartup, type StartupResult } from './startup.js';
import type { IterationTokens } from './tokens.js';
import { loadAverage, mb, ms, num, pct, repoRoot, round, runChild, table } from './util.js';

const README_START = '<!-- bench:start -->';
const README_END = '<!-- bench:end -->';

const SECTIONS = ['startup', 'harness', 'digest', 'patch', 'compaction', 'tokens'] as const;
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
  readonly long: SessionResult;
  readonly idleRssBytes: number;
  readonly targets: {
    readonly perTurnMs: number;
    readonly perIterationMs: number;
    readonly rssOverIdleBytes: number;
  };
}

interface TokensResult {
  readonly session: SessionResult;
  readonly rows: readonly IterationTokens[];
  readonly totals: {
    readonly shipped: number;
    readonly naive: number;
    readonly noCache: number;
    /** Cached share of greenloop's input after the first iteration. */
    readonly cachedAfterFirst: number;
    /** Lowest cached share of one iteration after the first. */
    readonly minCachedAfterFirst: number;
  };
  readonly targets: { readonly ofNaive: number; readonly cachedShare: number };
}

/** One line of the closing summary: a target, the figure measured, met or not. */
interface Verdict {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

const verdicts: Verdict[] = [];
const DIGEST_MEMORY_TARGET = 20 * 1024 * 1024;
function judge(target: string, measured: string, met: boolean): void {
  verdicts.push({ target, measured, met });
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
  const over = (a: number, b: number): string => `+${ms(a - b)}`;
  const spreadOf = (key: string): string => pct(r.spreads[key] ?? Number.NaN);
  judge(
    `start-up: action spawn → first model request within ${r.targetMs} ms of bare Node (wall and CPU)`,
    `${over(r.action.wallMs, r.bare.wallMs)} wall, ${over(r.action.cpuMs, r.bare.cpuMs)} CPU`,
    r.meetsTarget.action,
  );
  judge(
    `start-up: CLI \`--version\` within ${r.targetMs} ms of bare Node (wall and CPU)`,
    `${over(r.cli.wallMs, r.bare.wallMs)} wall, ${over(r.cli.cpuMs, r.bare.cpuMs)} CPU`,
    r.meetsTarget.cli,
  );
  return [
    `### Start-up (median of ${r.runs} interleaved runs, ${r.steady ? 'each spread under 10%' : `**spread not under 10% after the cap of ${r.runs} runs**`}; target: within ${r.targetMs} ms of bare Node, wall and CPU — action ${ok(r.meetsTarget.action)}, CLI ${ok(r.meetsTarget.cli)})`,
    '',
    "The action runs as a runner starts it (a checkout with its token persisted, the runner's environment, a fake model server on 127.0.0.1), until the server receives the first model request; the baseline test command's own time is the user's and is taken out (shown on its own line). Spread: interquartile range over median.",
    '',
    table(
      ['measure', 'greenloop', 'baseline `node -e ""`', 'difference', 'spread'],
      [
        [
          'action: spawn → first model request (wall)',
          ms(r.action.wallMs),
          ms(r.bare.wallMs),
          over(r.action.wallMs, r.bare.wallMs),
          `${spreadOf('actionWall')} / ${spreadOf('bareWall')}`,
        ],
        [
          'action: CPU time of the node process',
          ms(r.action.cpuMs),
          ms(r.bare.cpuMs),
          over(r.action.cpuMs, r.bare.cpuMs),
          `${spreadOf('actionCpu')} / ${spreadOf('bareCpu')}`,
        ],
        [
          'CLI: `greenloop --version` (wall)',
          ms(r.cli.wallMs),
          ms(r.bare.wallMs),
          over(r.cli.wallMs, r.bare.wallMs),
          `${spreadOf('cliWall')} / ${spreadOf('bareWall')}`,
        ],
        [
          'CLI `--version`: CPU time',
          ms(r.cli.cpuMs),
          ms(r.bare.cpuMs),
          over(r.cli.cpuMs, r.bare.cpuMs),
          `${spreadOf('cliCpu')} / ${spreadOf('bareCpu')}`,
        ],
        [
          "the user's baseline test command (excluded above)",
          ms(r.userCommandMs),
          '',
          '',
          spreadOf('user'),
        ],
      ],
    ),
    '',
    table(
      ['bundle', 'size'],
      [
        ['action (`dist/*.js`, all chunks)', mb(r.bundleBytes.action)],
        ['CLI launcher (`dist/cli/*.js`; it starts the action bundle)', mb(r.bundleBytes.cli)],
        ['total', mb(r.bundleBytes.total)],
      ],
    ),
  ].join('\n');
}

function harnessTable(r: HarnessResult): string {
  const t = r.targets;
  const rows = [r.session, r.long];
  for (const s of rows) {
    judge(
      `harness overhead per turn under ${t.perTurnMs} ms and per iteration under ${t.perIterationMs} ms (${s.turns} turns, small repository)`,
      `${ms(s.overheadPerTurnMs)} per turn, ${ms(s.overheadPerIterationMs)} per iteration`,
      s.overheadPerTurnMs < t.perTurnMs && s.overheadPerIterationMs < t.perIterationMs,
    );
    judge(
      `peak RSS of a ${s.turns}-turn session's child within ${mb(t.rssOverIdleBytes)} of the idle child`,
      `+${mb(s.maxRssBytes - r.idleRssBytes)}`,
      s.maxRssBytes - r.idleRssBytes <= t.rssOverIdleBytes,
    );
  }
  const share = (s: SessionResult, value: number): string => pct(value / s.wallMs);
  const col = (f: (s: SessionResult) => string): string[] => rows.map(f);
  return [
    `### Harness overhead (scripted model, real git and processes; targets: under ${t.perTurnMs} ms per turn, under ${t.perIterationMs} ms per iteration, peak RSS within ${mb(t.rssOverIdleBytes)} of the idle child)`,
    '',
    table(
      ['measure', ...col((s) => `${s.turns} turns, ${s.iterations} test runs`)],
      [
        ['wall time of the session', ...col((s) => ms(s.wallMs))],
        [
          'baseline: inside the model (scripted)',
          ...col((s) => `${ms(s.modelMs)} (${share(s, s.modelMs)})`),
        ],
        [
          'baseline: inside tool and test processes',
          ...col((s) => `${ms(s.processMs)} (${share(s, s.processMs)})`),
        ],
        [
          'harness overhead (wall − model − processes)',
          ...col((s) => `${ms(s.overheadMs)} (${share(s, s.overheadMs)})`),
        ],
        [
          '… of which git snapshots/restores',
          ...col((s) => `${ms(s.gitMs)} (${share(s, s.gitMs)})`),
        ],
        ['harness overhead per turn', ...col((s) => ms(s.overheadPerTurnMs))],
        ['… without git, per turn', ...col((s) => ms(s.inProcessPerTurnMs))],
        ['harness overhead per iteration (test run)', ...col((s) => ms(s.overheadPerIterationMs))],
        ['peak RSS of the session child', ...col((s) => mb(s.maxRssBytes))],
        ['baseline: the idle child (same modules, no session)', ...col(() => mb(r.idleRssBytes))],
        ['difference', ...col((s) => `+${mb(s.maxRssBytes - r.idleRssBytes)}`)],
      ],
    ),
  ].join('\n');
}

function tokensTable(r: TokensResult): string {
  const t = r.totals;
  const share = (part: number, whole: number): string => pct(whole === 0 ? 0 : part / whole);
  judge(
    `tokens: greenloop's input at most ${pct(r.targets.ofNaive)} of the naive loop's (${r.rows.length} iterations)`,
    share(t.shipped, t.naive),
    t.shipped <= r.targets.ofNaive * t.naive,
  );
  judge(
    `tokens: cached share of greenloop's input at least ${pct(r.targets.cachedShare)} after the first iteration`,
    `${pct(t.cachedAfterFirst)} (lowest iteration ${pct(t.minCachedAfterFirst)})`,
    t.cachedAfterFirst >= r.targets.cachedShare,
  );
  const shown = new Set([1, 2, 3, 5, 10, 20, 30, 40, r.rows.length]);
  const rows = r.rows
    .filter((row) => shown.has(row.iteration))
    .map((row) => [
      String(row.iteration),
      num(row.shipped.input),
      share(row.shipped.cached, row.shipped.input),
      num(row.naive.input),
      share(row.naive.cached, row.naive.input),
      num(row.noCache),
      '0%',
    ]);
  const sum = (f: (row: IterationTokens) => number): number =>
    r.rows.reduce((a, row) => a + f(row), 0);
  rows.push([
    '**all**',
    `**${num(t.shipped)}**`,
    share(
      sum((row) => row.shipped.cached),
      t.shipped,
    ),
    `**${num(t.naive)}** (greenloop: ${share(t.shipped, t.naive)})`,
    share(
      sum((row) => row.naive.cached),
      t.naive,
    ),
    num(t.noCache),
    '0%',
  ]);
  const p = r.session.params;
  return [
    `### Token efficiency (the same scripted ${r.rows.length}-iteration session three ways; targets: at most ${pct(r.targets.ofNaive)} of the naive loop's input tokens — ${ok(t.shipped <= r.targets.ofNaive * t.naive)}; at least ${pct(r.targets.cachedShare)} cached after the first iteration — ${ok(t.cachedAfterFirst >= r.targets.cachedShare)})`,
    '',
    `Each iteration: two turns that read a file (~${round(p.outputBytes / 1024, 1)} KB of output) and edit one, then a test run whose failing vitest log is ~${round((p.testLogBytes ?? 0) / 1024, 1)} KB; a ${num(p.contextWindow)}-token window; input tokens per iteration (o200k), and the share a prefix cache serves (OpenAI's rule: the prefix shared with the previous request, from 1,024 tokens in steps of 128). The naive loop sends the whole log in the task and after every test run, keeps every output whole and never masks (its oldest turns go when the window is full). Greenloop compacted ${r.session.compactions} time(s).`,
    '',
    table(
      [
        'iteration',
        'greenloop input',
        'cached',
        'naive loop input',
        'cached',
        'greenloop, prompt cache off',
        'cached',
      ],
      rows,
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
  judge(
    `digest: 100% of ids, messages and exact counts at ≤ ${num(r.budget)} tokens (${t.runs} real logs)`,
    `${pct(t.digest.ids)} ids, ${pct(t.digest.messages)} messages, ${t.digest.exactCounts}/${t.runs} exact, max ${num(t.digest.maxTokens)} tokens`,
    r.meetsTarget,
  );
  for (const m of timing.memory) {
    const over = m.digestGrowthBytes - m.readGrowthBytes;
    judge(
      `digest memory: peak RSS growth digesting ${mb(m.bytes)} within ${mb(DIGEST_MEMORY_TARGET)} of just reading it`,
      `${over >= 0 ? '+' : ''}${mb(over)}`,
      over <= DIGEST_MEMORY_TARGET,
    );
  }
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
    `Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load average ${loadAverage()} at start (each section prints its own).`,
  ];
  const emit = (text: string): void => {
    out.push('', text);
    console.log(`\n${text}`);
  };
  const section = (name: Section): boolean => {
    if (!selected.has(name)) return false;
    emit(`_Load average at the start of this section: ${loadAverage()}._`);
    return true;
  };
  console.log(out.join('\n'));

  if (section('startup')) {
    const r = await benchStartup({ min: 7, max: 25 });
    results.startup = r;
    emit(startupTable(r));
  }
  if (section('harness')) {
    const base = { mode: 'mask', contextWindow: 32_000, outputBytes: 3000, testEvery: 10 } as const;
    const s = await session({ ...base, turns: 300 });
    const long = await session({ ...base, turns: 1000 });
    const idle = await runChild<{ maxRssBytes: number }>(['idle']);
    const r: HarnessResult = {
      session: s,
      long,
      idleRssBytes: idle.maxRssBytes,
      targets: { perTurnMs: 10, perIterationMs: 60, rssOverIdleBytes: 30 * 1024 * 1024 },
    };
    results.harness = r;
    emit(harnessTable(r));
  }
  if (section('digest')) {
    const r = await benchDigest();
    results.digest = r;
    emit(digestTables(r));
  }
  if (section('patch')) {
    const r = await benchPatch(1, 240);
    results.patch = r;
    emit(patchTable(r));
  }
  if (section('compaction')) {
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
  if (section('tokens')) {
    const s = await session({
      turns: 150,
      contextWindow: 128_000,
      outputBytes: 3000,
      testEvery: 3,
      testLogBytes: 12_000,
      cannedProcesses: true,
      keepOutputs: true,
    });
    const rows = s.tokens ?? [];
    const later = rows.filter((row) => row.iteration > 1);
    const sum = (list: readonly IterationTokens[], f: (row: IterationTokens) => number): number =>
      list.reduce((a, row) => a + f(row), 0);
    const r: TokensResult = {
      session: s,
      rows,
      totals: {
        shipped: sum(rows, (row) => row.shipped.input),
        naive: sum(rows, (row) => row.naive.input),
        noCache: sum(rows, (row) => row.noCache),
        cachedAfterFirst:
          sum(later, (row) => row.shipped.cached) /
          Math.max(
            1,
            sum(later, (row) => row.shipped.input),
          ),
        minCachedAfterFirst: Math.min(
          ...later.map((row) => row.shipped.cached / Math.max(1, row.shipped.input)),
        ),
      },
      targets: { ofNaive: 0.4, cachedShare: 0.8 },
    };
    results.tokens = r;
    emit(tokensTable(r));
  }
  results.verdicts = verdicts;
  emit(
    [
      `### Targets (${verdicts.filter((v) => v.met).length} of ${verdicts.length} met)`,
      '',
      table(
        ['target', 'measured', ''],
        verdicts.map((v) => [v.target, v.measured, ok(v.met)]),
      ),
    ].join('\n'),
  );
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
    'Every figure sits beside a baseline measured in the same run, on the built `dist/` for start-up',
    '(absolute times drift on shared machines: the load average is printed per section, and timings',
    'repeat until their spread is under 10% or say they did not). Reproduce with `npm run build &&',
    'npm run bench` (offline, about 10–25 minutes on 2 cores); the numbers are written to',
    '`bench/results.json`, and `npm run bench -- --readme` refreshes this section.',
    `Latest run: ${String(results.date).slice(0, 10)}.`,
    '',
    tables.replace(/^### /gm, '#### '),
    '',
    README_END,
  ].join('\n');
  writeFileSync(file, text.slice(0, start) + body + text.slice(end + README_END.length));
}

await main();
