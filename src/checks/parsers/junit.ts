/**
 * JUnit / xUnit XML. Streams: only one `<testcase>` element (capped) is buffered at a time and
 * parsed with fast-xml-parser; `<testsuite name|file>` gives context. A testcase with
 * `<failure>` or `<error>` fails (message attribute, else the first body line); `<skipped>` skips.
 * The XML parser loads on the first test case (./xml.ts): cases met while it loads wait in
 * `held`, in order, and are parsed once it is there.
 */
import {
  addDetail,
  addFrame,
  Collector,
  ParseContext,
  type LineParser,
  type ParseResult,
} from './base.js';
import { frameText, isProjectPath, type ProjectPaths } from './util.js';
import { xmlParser, type XmlParse } from './xml.js';

const MAX_CASE_CHARS = 64_000;

type Node = Record<string, unknown>;

/** The `<testsuite>` a test case is in. */
interface Suite {
  readonly name?: string;
  readonly file?: string;
}

export class JunitParser implements LineParser {
  readonly runner = 'junit';
  ended = false;
  private readonly c: Collector;
  private readonly paths: ProjectPaths;

  constructor(ctx = new ParseContext()) {
    this.c = new Collector(ctx);
    this.paths = ctx.paths;
  }
  /** Test cases (with the suite they were in) met before the XML parser had loaded. */
  private held: { chunk: string; suite: Suite }[] = [];
  private suite: Suite = {};
  private buf: string[] = [];
  private bufChars = 0;

  push(line: string): void {
    if (this.buf.length === 0) {
      const suite = /<testsuite\b([^>]*)>/.exec(line);
      if (suite) {
        const attrs = suite[1] ?? '';
        const name = /\bname="([^"]*)"/.exec(attrs)?.[1];
        const file = /\bfile="([^"]*)"/.exec(attrs)?.[1];
        this.suite = {
          ...(name ? { name: unescape(name) } : {}),
          ...(file ? { file: this.paths.rel(unescape(file)) } : {}),
        };
      }
      const start = line.indexOf('<testcase');
      if (start < 0) {
        if (/<\/testsuites>/.test(line)) this.ended = true;
        return;
      }
      line = line.slice(start);
    }
    if (this.bufChars < MAX_CASE_CHARS) {
      this.buf.push(line);
      this.bufChars += line.length + 1;
    }
    const text = this.buf.join('\n');
    const selfClosed = /^<testcase\b[^>]*\/>/.test(text);
    const end = text.indexOf('</testcase>');
    if (!selfClosed && end < 0 && this.bufChars < MAX_CASE_CHARS) return;
    const chunk = selfClosed
      ? (/^<testcase\b[^>]*\/>/.exec(text)?.[0] ?? text)
      : end >= 0
        ? text.slice(0, end + 11)
        : `${text}</testcase>`;
    this.buf = [];
    this.bufChars = 0;
    this.testcase(chunk);
    const rest = selfClosed ? text.slice(chunk.length) : end >= 0 ? text.slice(end + 11) : '';
    if (rest.includes('<testcase')) this.push(rest);
  }

  private testcase(chunk: string): void {
    const xml = xmlParser();
    if (xml === undefined) {
      this.held.push({ chunk, suite: this.suite });
      return;
    }
    this.drain(xml);
    this.parseCase(xml, chunk, this.suite);
  }

  private drain(xml: XmlParse): void {
    const held = this.held;
    this.held = [];
    for (const w of held) this.parseCase(xml, w.chunk, w.suite);
  }

  private parseCase(xml: XmlParse, chunk: string, suite: Suite): void {
    let parsed: Node;
    try {
      parsed = xml(chunk) as Node;
    } catch {
      return;
    }
    const tc = parsed['testcase'] as Node | undefined;
    if (!tc || typeof tc !== 'object') return;
    this.record(tc, suite);
  }

  private record(tc: Node, suite: Suite): void {
    const name = String(tc['@name'] ?? '');
    const classname = tc['@classname'] !== undefined ? String(tc['@classname']) : undefined;
    const file = tc['@file'] !== undefined ? this.paths.rel(String(tc['@file'])) : suite.file;
    const bad = (tc['failure'] ?? tc['error']) as Node | string | Node[] | undefined;
    if (tc['skipped'] !== undefined) {
      this.c.skipped++;
      return;
    }
    const parts: string[] = [];
    if (file) parts.push(file);
    if (classname && classname !== file && classname !== suite.name) parts.push(classname);
    else if (!file && suite.name && classname !== suite.name) parts.push(suite.name);
    else if (!file && classname) parts.push(classname);
    // vitest names a file that fails to load after the file itself
    if (name !== parts[parts.length - 1]) parts.push(name);
    const id = parts.join(' > ');
    if (bad === undefined) {
      this.c.passed++;
      this.c.pass(id);
      return;
    }
    const first = Array.isArray(bad) ? bad[0] : bad;
    const body =
      typeof first === 'string' ? first : String((first as Node | undefined)?.['#text'] ?? '');
    const attr = typeof first === 'object' && first ? (first as Node)['@message'] : undefined;
    const bodyLines = body.split(/\r?\n/).map((l) => l.trimEnd());
    const firstBody = (bodyLines.find((l) => l.trim() !== '') ?? '').trim();
    const attrLine = attr !== undefined ? (String(attr).split('\n')[0] ?? '').trim() : '';
    // The body's first line is what the runner printed (`AssertionError: <message>`); the
    // attribute often drops the error's type.
    const message =
      attrLine !== ''
        ? firstBody.endsWith(attrLine)
          ? firstBody
          : attrLine
        : firstBody || 'failed';
    const f = this.c.fail({
      id,
      message,
      kind: tc['error'] !== undefined ? 'error' : 'test',
      ...(file ? { file } : {}),
    });
    if (!f) return;
    for (const l of bodyLines) {
      const fr = this.paths.frame(l);
      if (fr && isProjectPath(fr.file)) {
        addFrame(f, frameText(fr));
        if (f.line === undefined && fr.file === file) f.line = fr.line;
      } else if (l.trim() !== '' && l.trim() !== message) addDetail(f, l.trim());
    }
  }

  waiting(): boolean {
    return this.held.length > 0 && xmlParser() === undefined;
  }

  finish(): ParseResult {
    if (this.held.length > 0) {
      const xml = xmlParser();
      // Only a synchronous caller can get here (digestFile waits for xmlLoading() first).
      if (xml === undefined) throw new Error('JUnit XML met before `await loadXml()`');
      this.drain(xml);
    }
    return this.c.result(this.runner);
  }
}

function unescape(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
