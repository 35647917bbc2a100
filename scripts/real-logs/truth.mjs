/**
 * truth.json from a runner's own machine-readable output. Every converter returns
 * { failing: [{ id, file?, line?, message, kind, native_id? }], passing_count, skipped_count }.
 * `message` is the first line of the runner's recorded error that the log prints (ANSI stripped,
 * trimmed); the id follows the corpus convention `<file or suite> > <describe...> > <test name>`.
 */
import { XMLParser } from 'fast-xml-parser';
import path from 'node:path';

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
    if (/^● /.test(l)) continue; // jest's block title, not the error
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

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };

/** The log as a reader sees it: ANSI stripped; a JUnit XML log with its entities decoded. */
export function plainLog(log, runner) {
  const text = strip(log);
  return runner === 'junit' ? text.replace(/&(lt|gt|quot|apos|amp);/g, (e) => ENTITIES[e]) : text;
}

export function truthFrom(format, raw, log, spec, name, testFiles) {
  const L = logLinesOf(plainLog(log, spec.runner));
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
      return tap(raw, L, spec, testFiles);
    case 'uvu':
      return uvu(raw, L);
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
      // cargo test builds every target in test mode: cargo names it `lib test`, `test "api"`…
      const kind = e.target?.kind?.[0] ?? 'lib';
      const tname = e.target?.name ?? '';
      const label =
        kind === 'lib'
          ? 'lib test'
          : kind === 'test'
            ? `test "${tname}"`
            : `${kind} "${tname}" test`;
      const crate = `${e.package_id?.match(/#?([\w-]+)@[\d.]+$/)?.[1] ?? e.package_id?.split(' ')[0] ?? tname} (${label})`;
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
      const out = e.stdout || panics.get(e.name) || e.message || '';
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

/**
 * go test -json: leaf tests that failed; a package that failed with no failing test is charged
 * to the test that started and never ended (a panic, a -timeout kill), else to the package
 * (build failures: go prints those as text, `# pkg [pkg.test]` then `file:line:col: error`).
 */
function goJson(raw, L) {
  const out = new Map();
  const failedTests = [];
  const failedPkgs = new Set();
  const open = new Map();
  let passing = 0;
  let skipped = 0;
  const pkgOut = new Map();
  const buildErr = new Map();
  let building;
  for (const line of raw.split('\n')) {
    if (!line.startsWith('{')) {
      const head = /^# (\S+)(?: \[\S+\])?$/.exec(line);
      if (head) building = head[1];
      else if (building && !buildErr.has(building) && /^\S+\.go:\d+:\d+: /.test(line))
        buildErr.set(building, line);
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
      if (e.Action === 'run') open.set(key, e);
      if (['pass', 'fail', 'skip'].includes(e.Action)) open.delete(key);
      if (e.Action === 'pass') passing++;
      if (e.Action === 'skip') skipped++;
      if (e.Action === 'fail') failedTests.push(e);
    } else if (e.Action === 'fail') failedPkgs.add(e.Package);
  }
  const failing = [];
  const charged = new Set();
  for (const e of failedTests) {
    if (failedTests.some((o) => o.Package === e.Package && o.Test.startsWith(`${e.Test}/`)))
      continue;
    charged.add(e.Package);
    const text = (out.get(`${e.Package}\u0000${e.Test}`) ?? []).join('');
    const locs = [...text.matchAll(/^\s+(\S+\.go):(\d+): (.*)$/gm)];
    const loc = locs[locs.length - 1];
    const panic = /^(panic: .*)$/m.exec(text);
    failing.push({
      id: `${e.Package} > ${e.Test}`,
      ...(loc && !panic ? { file: loc[1], line: Number(loc[2]) } : {}),
      message: pickMessage(panic ? panic[1] : loc ? `${loc[1]}:${loc[2]}: ${loc[3]}` : text, L),
      kind: panic ? 'panic' : 'test',
    });
  }
  for (const p of failedPkgs) {
    if (charged.has(p)) continue;
    const text = (pkgOut.get(p) ?? []).join('');
    const panic = /^(panic: .*)$/m.exec(text);
    const running = [...open.values()].filter((e) => e.Package === p).map((e) => e.Test);
    // the innermost test still running (a parent waits for its subtest)
    const test = running.sort((a, b) => b.length - a.length)[0];
    const build = buildErr.get(p);
    failing.push({
      id: test && panic ? `${p} > ${test}` : p,
      message: pickMessage(panic ? panic[1] : (build ?? text), L),
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
      const text = typeof bad === 'string' ? bad : `${bad['#text'] ?? ''}\n${bad.message ?? ''}`;
      let id;
      let file = tc.file ?? s.file;
      const pytest = spec.truth.id === 'file-classname';
      if (pytest) {
        const cls = String(tc.classname ?? '').split('.');
        const mod = (file ?? '').replace(/\.py$/, '').replace(/\//g, '.');
        const rest = cls.join('.').startsWith(mod) ? cls.slice(mod.split('.').length) : [];
        // a module that fails to collect is a testcase named after the module
        id =
          tc.name === mod
            ? file
            : [file ?? tc.classname, ...rest, tc.name].filter(Boolean).join(' > ');
        // pytest counts a test whose teardown failed as passed and as an error
        if (/^failed on teardown/.test(String(bad.message ?? ''))) passing++;
      } else {
        // vitest: classname is the file, name joins describes with ' > '; a file that fails to
        // load is a testcase named after the file
        id =
          tc.name === tc.classname
            ? tc.name
            : [tc.classname ?? s.name, tc.name].filter(Boolean).join(' > ');
        file = file ?? tc.classname;
      }
      const kind = arr(tc.error).length > 0 ? 'error' : 'test';
      // pytest's text ends with `path.py:15: AssertionError`: where the failure is printed.
      const places = pytest
        ? [...text.matchAll(/^([^\s/]\S*\.py):(\d+): /gm)]
        : [...text.matchAll(/^\s*❯ (?:\S+ )?([^\s/]\S*):(\d+):\d+$/gm)].slice(0, 1);
      const place = places.find((m) => m[1] === file) ?? places[places.length - 1];
      failing.push({
        id,
        ...(place ? { file: place[1], line: Number(place[2]) } : file ? { file: rel(file) } : {}),
        message: pickMessage(pytest ? pytestKeyLine(text) : text, L),
        kind,
      });
    }
  }
  return { failing, passing_count: passing, skipped_count: skipped };
}

/** pytest's `E   ` lines: the first exception line among them (SyntaxError after its `File` lines), else the first. */
function pytestKeyLine(text) {
  const e = [...text.matchAll(/^E\s+(.*\S)\s*$/gm)].map((m) => m[1]);
  return (
    e.find((l) => /^[\w.]*(Error|Exception|Exit|Interrupt|Failed|Warning)\b.*?: /.test(l)) ??
    e[0] ??
    text
  );
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
        // node: a file's own error when the log shows it (the spec reporter prints the file's
        // stderr; dot does not), else what the event reported
        message:
          [e.error, e.reported]
            .map((m) => pickMessage(m, L))
            .find((m) => m !== '' && L.some((l) => l.includes(m))) ?? pickMessage(e.error, L),
        kind: e.kind ?? 'test',
      });
    }
  }
  // mocha: a spec file that fails to load stops the run before any event
  const crash = /Exception during run: (\S+?):(\d+)\n[\s\S]*?^(\w*Error\b.*)$/m.exec(raw);
  if (failing.length === 0 && passing === 0 && crash) {
    const file = rel(crash[1]);
    failing.push({
      id: file,
      file,
      line: Number(crash[2]),
      message: pickMessage(crash[3], L),
      kind: 'load_error',
    });
  }
  return { failing, passing_count: passing, skipped_count: skipped };
}

/** TAP (ava --tap, tap -R tap): leaf `not ok` points; nested subtests indent by 4. */
function tap(raw, L, spec, testFiles) {
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
    const p = /^(\s*)(not ok|ok) \d+ - (.*?)(?: # (SKIP|TODO)\b.*)?$/.exec(
      line.replace(/ # time=[\d.]+m?s$/, ''),
    );
    if (!p) continue;
    const depth = p[1].length / 4;
    // a subtest's own result line closes its `# Subtest: name` block
    const isParent = names[depth] !== undefined && names[depth] === p[3];
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
      // the least indented `message:` (ava nests the error's own fields in `details`)
      const msgs = [...yaml.matchAll(/^(\s+)message: ['"]?(.*?)['"]?$/gm)].sort(
        (a, b) => a[1].length - b[1].length,
      );
      let msg = msgs[0]?.[2] ?? p[3];
      // ava: an assertion without a message has only a details block, keyed by its title
      if (msg === '') msg = /^\s+'([^']+)':/m.exec(yaml)?.[1] ?? p[3];
      // ava: a rejected promise or a thrown error: the error's own message, nested in details
      if (/^(Rejected promise returned by test|Error thrown in test)$/.test(msg) && msgs[1])
        msg = msgs[1][2].replace(/\\'/g, "'").replace(/',?$/, '');
      const parts = spec.truth.split ? p[3].split(spec.truth.split) : [p[3]];
      // ava titles a file by its name without folder and extension: `fm` for test/fm.test.js
      if (spec.truth.split && parts.length > 1 && testFiles)
        parts[0] =
          testFiles.find(
            (f) => /(^|\/)tests?\//.test(f) && path.basename(f).split('.')[0] === parts[0],
          ) ?? parts[0];
      const idPath = [...names.slice(0, depth), ...parts].filter(Boolean);
      failing.push({
        id: idPath.join(' > '),
        file: idPath[0],
        message: pickMessage(msg, L) || pickMessage(p[3], L),
        kind: 'test',
      });
    }
  }
  return { failing, passing_count: passing, skipped_count: skipped };
}

/** uvu (no machine-readable output): its `FAIL  suite  "name"` blocks and totals. */
function uvu(raw, L) {
  const text = strip(raw);
  const failing = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const m = /^\s*FAIL\s+(.*?)"(.*)"\s*$/.exec(line);
    if (!m) return;
    const next = lines.slice(i + 1).find((l) => l.trim() !== '') ?? '';
    const message = next.trim().replace(/\s+\((\w+)\)$/, '');
    const at = lines
      .slice(i + 1, i + 30)
      .map((l) => /\((file:\/\/\/\S+?|\/\S+?):(\d+):\d+\)$/.exec(l))
      .find(Boolean);
    const file = at ? rel(at[1]) : undefined;
    // a suite's test: `FAIL  suite  "name"`; uvu's default `test`: `FAIL  "name"`
    const named = /^\s*FAIL\s+(?:(.+?)\s+)?"(.*)"\s*$/.exec(line);
    const id = [file, named?.[1], named?.[2]].filter(Boolean).join(' > ');
    failing.push({
      id,
      ...(file ? { file, line: Number(at[2]) } : {}),
      message: pickMessage(message, L),
      kind: 'test',
    });
  });
  const n = (k) => Number(new RegExp(`^\\s*${k}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return { failing, passing_count: n('Passed'), skipped_count: n('Skipped') };
}
