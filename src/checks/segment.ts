/**
 * Splits a log into runner segments and routes lines to parsers. Lines carrying a monorepo task
 * prefix (turbo `pkg:test: `, pnpm `packages/a test: `) are routed per prefix, so interleaved
 * packages do not mix. Within a stream, a marker of another runner (or a new run after the
 * current one ended) closes the segment. Lines seen before any runner is recognised are kept in a
 * bounded buffer and replayed into the first parser.
 */
import {
  MAX_FAILURES,
  type LineParser,
  type ParseContext,
  type ParseResult,
} from './parsers/base.js';
import { GenericParser, RingBuffer } from './parsers/generic.js';
import { createParser, sniffLine, type Family } from './sniff.js';

/**
 * Task prefixes: turbo `web:test: `, pnpm `packages/web test: `, lerna --stream `@scope/web: `,
 * yarn workspaces foreach `[@scope/web]: `.
 */
const PREFIX =
  /^((?:@[\w.-]+\/)?[\w.-]+(?::[\w.-]+)*:test(?::[\w.-]+)*: |[\w@./-]+ test(?::[\w-]+)?: |@[\w.-]+\/[\w.-]+: |\[@?[\w./-]+\]: )/;
const MAX_STREAMS = 64;
const REPLAY_LINES = 200;
const REPLAY_LINE_CHARS = 1000;
const CRASH =
  /(FATAL ERROR: .*|Fatal Python error: .*|JavaScript heap out of memory|Segmentation fault( \(core dumped\))?|\bSIGSEGV\b|\bSIGKILL\b|\bSIGABRT\b|fatal runtime error: .*|Killed$|out of memory|signal: (segmentation fault|killed|aborted)|Worker (terminated|exited) unexpectedly)/i;
const MAX_CRASHES = 5;

class Stream {
  private current: { family: Family; parser: LineParser } | undefined;
  private readonly replay = new RingBuffer(REPLAY_LINES);
  /**
   * What parsers closed when another runner's output began gave. One still waiting for a module
   * (a JUnit parser for the XML parser) is kept and finishes in `finish()`: a close happens
   * mid-stream, inside a synchronous line callback.
   */
  private readonly closed: (ParseResult | LineParser)[] = [];

  constructor(
    private readonly forced: Family | undefined,
    private readonly ctx: ParseContext,
  ) {
    if (forced) this.current = { family: forced, parser: createParser(forced, ctx) };
  }

  push(line: string): void {
    if (!this.forced) {
      const s = sniffLine(line);
      if (s) {
        const cur = this.current;
        if (!cur) {
          this.open(s.family);
          for (const l of this.replay.toArray()) this.current?.parser.push(l);
        } else if (s.family !== cur.family || (s.start && cur.parser.ended)) {
          this.close();
          this.open(s.family);
        }
      }
    }
    if (this.current) this.current.parser.push(line);
    else
      this.replay.push(line.length > REPLAY_LINE_CHARS ? line.slice(0, REPLAY_LINE_CHARS) : line);
  }

  private open(family: Family): void {
    this.current = { family, parser: createParser(family, this.ctx) };
  }

  private close(): void {
    const parser = this.current?.parser;
    if (parser && this.closed.length < MAX_FAILURES)
      this.closed.push(parser.waiting?.() ? parser : parser.finish());
    this.current = undefined;
  }

  finish(): ParseResult[] {
    this.close();
    return this.closed.map((r) => ('finish' in r ? r.finish() : r));
  }
}

/** Routes every line of a log; keeps generic error snippets and the tail for the digest. */
export class Segmenter {
  private readonly streams = new Map<string, Stream>();
  readonly generic: GenericParser;
  readonly crashes: string[] = [];

  constructor(
    private readonly forced: Family | undefined,
    private readonly ctx: ParseContext,
  ) {
    this.generic = new GenericParser(ctx);
  }

  push(line: string): void {
    this.generic.push(line);
    if (this.crashes.length < MAX_CRASHES) {
      const crash = CRASH.exec(line);
      const text = crash ? line.slice(crash.index).trim() : '';
      if (crash && !this.crashes.includes(text)) this.crashes.push(text);
    }
    let key = '';
    let body = line;
    const m = this.forced ? null : PREFIX.exec(line);
    if (m && m[1]) {
      key = m[1];
      body = line.slice(m[1].length);
    }
    let stream = this.streams.get(key);
    if (!stream) {
      if (this.streams.size >= MAX_STREAMS) {
        key = '';
        body = line;
        stream = this.streams.get('');
      }
      if (!stream) {
        stream = new Stream(this.forced, this.ctx);
        this.streams.set(key, stream);
      }
    }
    stream.push(body);
  }

  finish(): ParseResult[] {
    const out: ParseResult[] = [];
    for (const s of this.streams.values()) out.push(...s.finish());
    return out;
  }
}
