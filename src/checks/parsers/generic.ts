/**
 * Fallback for unknown output: keeps error-looking lines with a little context (bounded number
 * of snippets) and a ring buffer of the last lines. Produces no failure records; the digest
 * prints the snippets and the tail.
 */
import { clip, Collector, ParseContext, type LineParser, type ParseResult } from './base.js';

export const ERROR_WORDS =
  /\b(error|errors|fail|failed|failure|failures|failing|exception|panic|panicked|traceback|assert(ion)?|fatal|segmentation fault|timed? ?out|abort(ed)?|cannot|undefined reference)\b|[✗×✕✖✘]|FAIL|ERR!/i;

export const MAX_SNIPPETS = 60;
export const TAIL_LINES = 40;
const CONTEXT_AFTER = 2;
const MAX_SNIPPET_LINES = 12;

/** A fixed-size ring buffer of the last `size` lines. */
export class RingBuffer {
  private readonly items: string[] = [];
  private start = 0;
  constructor(readonly size: number) {}
  push(line: string): void {
    if (this.items.length < this.size) this.items.push(line);
    else {
      this.items[this.start] = line;
      this.start = (this.start + 1) % this.size;
    }
  }
  get length(): number {
    return this.items.length;
  }
  toArray(): string[] {
    return [...this.items.slice(this.start), ...this.items.slice(0, this.start)];
  }
}

export class GenericParser implements LineParser {
  readonly runner = 'generic';
  readonly ended = false;
  readonly snippets: string[][] = [];
  readonly tail = new RingBuffer(TAIL_LINES);
  private prev = '';
  private after = 0;
  private lineNo = 0;
  private readonly c: Collector;

  constructor(ctx = new ParseContext()) {
    this.c = new Collector(ctx);
  }

  push(line: string): void {
    this.lineNo++;
    const t = clip(line.trimEnd());
    this.tail.push(t);
    const current = this.snippets[this.snippets.length - 1];
    if (
      ERROR_WORDS.test(line) &&
      line.trim() !== '' &&
      !/\b(0 (failed|errors?|failures))\b/i.test(line)
    ) {
      if (current && this.after > 0) {
        if (current.length < MAX_SNIPPET_LINES) current.push(t);
      } else if (this.snippets.length < MAX_SNIPPETS)
        this.snippets.push(this.prev.trim() !== '' ? [this.prev, t] : [t]);
      this.after = CONTEXT_AFTER;
    } else if (this.after > 0 && current) {
      if (current.length < MAX_SNIPPET_LINES) current.push(t);
      this.after--;
    }
    this.prev = t;
  }

  finish(): ParseResult {
    return this.c.result(this.runner);
  }
}
