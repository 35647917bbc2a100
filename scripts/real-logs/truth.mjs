/**
 * truth.json from a runner's own machine-readable output. Every converter returns
 * { failing: [{ id, file?, line?, message, kind, native_id? }], passing_count, skipped_count }.
 * `message` is the first line of the runner's recorded error that the log prints (ANSI stripped,
 * trimmed); the id follows the corpus convention `<file or suite> > <describe...> > <test name>`.
 */
import { XMLParser } from 'fast-xml-parser';

const ANSI =
  /[\u001b\u009b][[\]()#;?]*(?:(?:(?:;[-a-zA-Z\d/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007|(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-nq-uy=><~])/g;
const strip = (s) => s.replace(ANSI, '');
const CI_ROOT = /^\/home\/runner\/work\/[^/]+\/[^/]+\//;
const rel = (p) => (p ?? '').replace(/^file:\/\//, '').replace(CI_ROOT, '');

/** The first line of `text` that the log prints as (part of) a line, trimmed. */
export function pickMessage(text, logLines) {
  const lines = strip(String(text ?? ''))
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  for (const l of lines) {
    const variants = [l, l.replace(/^[\w.]*(Error|Exception)(?: \[\w+\])?: /, '')];
    for (const v of variants) if (v && logLines.some((x) => x.includes(v))) return v;
  }
  return lines[0] ?? '';
}

function logLinesOf(log) {
  return strip(log)
    .split(/\r?\n/)
    .map((l) => l.trim());
}

export function truthFrom(format, raw, log, spec, name) {
  const L = logLinesOf(log);
  switch (format) {
    case 'libtest-json':
      return libtest(raw, L);
    case 'go-json':
      return goJson(raw, L);
    case 'junit':
      return junit(raw, L, spec);
    case 'jest-json':
      return jestJson(raw, L);
    case 'events':
      return events(raw, L);
    case 'tap':
      return tap(raw, L, spec);
    default:
      throw new Error(`${name}: unknown truth format ${format}`);
  }
}

/** cargo test (stderr merged) -- -Z unstable-options --format json; cargo --message-format=json for compile errors. */
function libtest(raw, L) {
  const failing = [];
  let passing = 0;
  let skipped = 0;
  let target = '';
  // --nocapture: panics go to the console, not into the event's stdout.
  const panics = new Map();
  const rawLines = raw.split('\n');
  rawLines.forEach((line, i) => {
    const m = /^thread '([^']+)'(?: \(\d+\))? panicked at ([^\s:]+):(\d+):\d+:$/.exec(line);
    if (m && !panics.has(m[1]))
      panics.set(m[1], `panicked at ${m[2]}:${m[3]}:1:\n${rawLines[i + 1] ?? ''}`);
  });
  for (const line of raw.split('\n')) {
    const running = /^\s*Running (?:unittests )?(\S+)/.exec(line);
    if (running) target = running[1];
    const doc = /^\s*Doc-tests (\S+)/.exec(line);
    if (doc) target = `Doc-tests ${doc[1]}`;
    if (!line.startsWith('{')) continue;
    let e;
    try {
      e = JSON.parse(line);
    } catch {
      continue;
    }
    if (e.reason === 'compiler-message' && e.message?.level === 'error') {
      const span = e.message.spans?.find((s) => s.is_primary);
      const kind = e.target?.kind?.[0] ?? 'lib';
      const crate = `${e.target?.name ?? ''} (${e.profile?.test ? `${kind === 'lib' ? 'lib' : kind} test` : kind})`;
      const loc = span ? `${span.file_name}:${span.line_start}:${span.column_start}` : '';
      const rendered = strip(e.message.rendered ?? e.message.message);
      failing.push({
        id: loc ? `${crate} > ${loc}` : crate,
        ...(span ? { file: span.file_name, line: span.line_start } : {}),
        message: pickMessage(rendered, L),
        kind: 'compile_error',
      });
      continue;
    }
    if (e.type !== 'test' || !e.name) continue;
    if (e.event === 'ok') passing++;
    else if (e.event === 'ignored') skipped++;
    else if (e.event === 'failed' || e.event === 'timeout') {
      const out = e.stdout || panics.get(e.name) || '';
      const at = /panicked at ([^\s:]+):(\d+):\d+:?\n([^\n]*)/.exec(out);
      const old = /panicked at '([^\n]*)', ([^\s:]+):(\d+)/.exec(out);
      const msg = at ? at[3] : old ? old[1] : out;
      failing.push({
        id: `${target} > ${e.name}`,
        ...(at && !at[1].startsWith('/') ? { file: at[1], line: Number(at[2]) } : {}),
        message: pickMessage(msg, L),
        kind: 'test',
        native_id: e.name,
      });
    }
  }
  return { failing, passing_count: passing, skipped_count: skipped };
}

/** go test -json: leaf tests that failed; packages that failed with no failing test (panic, build, timeout). */
function goJson(raw, L) {
  const out = new Map();
  const failedTests = [];
  const failedPkgs = new Set();
  const pkgsWithTest = new Set();
  let passing = 0;
  let skipped = 0;
  const pkgOut = new Map();
  for (const line of raw.split('\n')) {
    if (!line.startsWith('{')) {
      const bf = /^FAIL\s+(\S+)\s+\[(build|setup) failed\]/.exec(line);
      if (bf) failedPkgs.add(bf[1]);
      continue;
    }
    const e = JSON.parse(line);
    const key = `${e.Package}\u0000${e.Test ?? ''}`;
    if (e.Action === 'output') {
      if (!out.has(key)) out.set(key, []);
      out.get(key).push(e.Output);
      if (!pkgOut.has(e.Package)) pkgOut.set(e.Package, []);
      pkgOut.get(e.Package).push(e.Output);
    }
    if (e.Test) {
      if (e.Action === 'pass') passing++;
      if (e.Action === 'skip') skipped++;
      if (e.Action === 'fail') failedTests.push(e);
    } else if (e.Action === 'fail') failedPkgs.add(e.Package);
  }
  const failing = [];
  for (const e of failedTests) {
    if (failedTests.some((o) => o.Package === e.Package && o.Test.startsWith(`${e.Test}/`)))
      continue;
    pkgsWithTest.add(e.Package);
    const text = (out.get(`${e.Package}\u0000${e.Test}`) ?? []).join('');
    const loc = /^\s+(\S+\.go):(\d+): (.*)$/m.exec(text);
    const panic = /^(panic: .*)$/m.exec(text);
    failing.push({
      id: `${e.Package} > ${e.Test}`,
      ...(loc ? { file: loc[1], line: Number(loc[2]) } : {}),
      message: pickMessage(panic ? panic[1] : loc ? `${loc[1]}:${loc[2]}: ${loc[3]}` : text, L),
      kind: panic ? (/timed out/.test(panic[1]) ? 'timeout' : 'panic') : 'test',
    });
  }
  for (const p of failedPkgs) {
    if (pkgsWithTest.has(p)) continue;
    const text = (pkgOut.get(p) ?? []).join('');
    const panic = /^(panic: .*)$/m.exec(text);
    failing.push({
      id: p,
      message: pickMessage(panic ? panic[1] : text, L),
      kind: panic ? (/timed out/.test(panic[1]) ? 'timeout' : 'panic') : 'build_error',
    });
  }
  return { failing, passing_count: passing, skipped_count: skipped };
}

function arr(x) {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

/**
 * JUnit XML. `spec.truth.id` chooses the id: "file-classname" (pytest xunit1: file + the class
 * part of classname), "classname" (suite name as the first segment), or "file-suite".
 */
function junit(raw, L, spec) {
  const xml = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    htmlEntities: true,
  }).parse(raw);
  const suites = [];
  const walk = (s) => {
    for (const x of arr(s)) {
      suites.push(x);
      walk(x.testsuite);
    }
  };
  walk(xml.testsuites?.testsuite ?? xml.testsuite);
  const failing = [];
  let passing = 0;
  let skipped = 0;
  for (const s of suites) {
    for (const tc of arr(s.testcase)) {
      const bad = arr(tc.failure)[0] ?? arr(tc.error)[0];
      if (tc.skipped !== undefined) {
        skipped++;
        continue;
      }
      if (!bad) {
        passing++;
        continue;
      }
      const text = typeof bad === 'string' ? bad : `${bad.message ?? ''}\n${bad['#text'] ?? ''}`;
      let id;
      let file = tc.file ?? s.file;
      if (spec.truth.id === 'file-classname') {
        const cls = String(tc.classname ?? '').split('.');
        const mod = (file ?? '').replace(/\.py$/, '').replace(/\//g, '.');
        const rest = cls.join('.').startsWith(mod) ? cls.slice(mod.split('.').length) : [];
        id = [file ?? tc.classname, ...rest, tc.name].filter(Boolean).join(' > ');
      } else {
        id = [tc.classname ?? s.name, tc.name].filter(Boolean).join(' > ');
        file = file ?? tc.classname;
      }
      const kind = arr(tc.error).length > 0 ? 'error' : 'test';
      // pytest's text ends with `path.py:15: AssertionError`: where the failure is printed.
      const places = [...text.matchAll(/^(\S+\.py):(\d+): /gm)];
      const place = places.find((m) => m[1] === file) ?? places[places.length - 1];
      failing.push({
        id,
        ...(file ? { file: rel(file) } : {}),
        ...(place ? { line: Number(place[2]) } : {}),
        message: pickMessage(text, L),
        kind,
      });
    }
  }
  return { failing, passing_count: passing, skipped_count: skipped };
}

/** jest --json / vitest --reporter=json (the same shape). */
function jestJson(raw, L) {
  const j = JSON.parse(raw.slice(raw.indexOf('{')));
  const failing = [];
  let passing = 0;
  let skipped = 0;
  for (const file of j.testResults ?? []) {
    const f = rel(file.name);
    const tests = file.assertionResults ?? [];
    for (const t of tests) {
      if (t.status === 'passed') passing++;
      else if (t.status === 'pending' || t.status === 'skipped' || t.status === 'todo') skipped++;
      else if (t.status === 'failed') {
        failing.push({
          id: [f, ...(t.ancestorTitles ?? []), t.title].join(' > '),
          file: f,
          ...(t.location?.line ? { line: t.location.line } : {}),
          message: pickMessage((t.failureMessages ?? []).join('\n'), L),
          kind: 'test',
        });
      }
    }
    if (file.status === 'failed' && !tests.some((t) => t.status === 'failed') && file.message) {
      failing.push({ id: f, file: f, message: pickMessage(file.message, L), kind: 'load_error' });
    }
  }
  return { failing, passing_count: passing, skipped_count: skipped };
}

/**
 * JSON lines written by scripts/real-logs/*-reporter: { event: pass|fail|skip, path: [file, ...titles], error, kind? }.
 */
function events(raw, L) {
  const failing = [];
  let passing = 0;
  let skipped = 0;
  for (const line of raw.split('\n')) {
    const m = /^GLEVENT (.*)$/.exec(line);
    if (!m) continue;
    const e = JSON.parse(m[1]);
    if (e.event === 'pass') passing++;
    else if (e.event === 'skip') skipped++;
    else if (e.event === 'fail') {
      const file = rel(e.path[0]);
      failing.push({
        id: [file, ...e.path.slice(1)].join(' > '),
        file,
        ...(e.line ? { line: e.line } : {}),
        message: pickMessage(e.error, L),
        kind: e.kind ?? 'test',
      });
    }
  }
  return { failing, passing_count: passing, skipped_count: skipped };
}

/** TAP (ava --tap, tap -R tap): leaf `not ok` points; nested subtests indent by 4. */
function tap(raw, L, spec) {
  const failing = [];
  let passing = 0;
  let skipped = 0;
  const lines = raw.split('\n');
  const names = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const sub = /^(\s*)# Subtest: (.*)$/.exec(line);
    if (sub) {
      names[sub[1].length / 4] = sub[2];
      names.length = sub[1].length / 4 + 1;
      continue;
    }
    const p = /^(\s*)(not ok|ok) \d+ - (.*?)(?: # (SKIP|TODO)\b.*)?$/.exec(line);
    if (!p) continue;
    const depth = p[1].length / 4;
    const isParent =
      names[depth] !== undefined &&
      names[depth] === p[3] &&
      lines[i - 1] !== undefined &&
      /^\s+1\.\.\d+/.test(lines[i - 1]);
    if (isParent) {
      names.length = depth;
      continue;
    }
    if (p[4]) skipped++;
    else if (p[2] === 'ok') passing++;
    else {
      let yaml = '';
      for (
        let j = i + 1;
        j < lines.length && /^\s+(---|\S)/.test(lines[j]) && !/^\s*(not ok|ok) \d/.test(lines[j]);
        j++
      )
        yaml += `${lines[j]}\n`;
      const msg = /^\s+message: ['"]?(.*?)['"]?$/m.exec(yaml)?.[1] ?? p[3];
      const parts = spec.truth.split ? p[3].split(spec.truth.split) : [p[3]];
      const path = [...names.slice(0, depth), ...parts].filter(Boolean);
      failing.push({
        id: path.join(' > '),
        file: path[0],
        message: pickMessage(msg, L) || pickMessage(p[3], L),
        kind: 'test',
      });
    }
  }
  return { failing, passing_count: passing, skipped_count: skipped };
}
