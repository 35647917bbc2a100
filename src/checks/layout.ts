/**
 * Lays the digest's text out within a token budget, in priority order: the header (counts and
 * crashes); every failing test id with its message (messages shortened evenly, then ids, then
 * failures dropped, while ids and messages alone exceed the budget); then, round by round while
 * they fit, each failure's place, code excerpt and detail lines; flaky tests; generic error lines
 * and the newest lines of the log. Extras are added on estimates and the result is checked
 * exactly at the end, dropping extras from the end until it fits.
 */
import type { GenericParser } from './parsers/generic.js';

/** One failure as the text shows it, and how much of it is shown. */
export interface Block {
  readonly id: string;
  readonly message: string;
  readonly location?: string;
  readonly excerpt: readonly string[];
  readonly detail: readonly string[];
  readonly show: { location: boolean; excerpt: boolean; detail: number };
}

export interface Layout {
  readonly text: string;
  readonly tokens: number;
}

export interface LayoutInput {
  readonly header: string;
  readonly blocks: readonly Block[];
  readonly flaky: readonly string[];
  /** Generic error snippets and the log's tail, when the digest wants them. */
  readonly generic: Pick<GenericParser, 'snippets' | 'tail'> | undefined;
  /** No failure was found: the error lines are all there is. */
  readonly genericOnly: boolean;
  readonly budget: number;
  readonly tokens: (s: string) => number;
}

export function layout(input: LayoutInput): Layout {
  return new TextLayout(input).run();
}

function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  return max <= 1 ? '…' : `${s.slice(0, max - 1)}…`;
}

/** Largest n in [lo, hi] with ok(n), assuming ok is monotone (lo when none). */
function bestFit(lo: number, hi: number, ok: (n: number) => boolean): number {
  let best = lo;
  let a = lo;
  let b = hi;
  while (a <= b) {
    const mid = Math.floor((a + b) / 2);
    if (ok(mid)) {
      best = mid;
      a = mid + 1;
    } else b = mid - 1;
  }
  return best;
}

class TextLayout {
  private msgMax: number;
  private idMax: number;
  private shown: number;
  private used = 0;
  private readonly tail: string[] = [];
  private readonly tok: (s: string) => number;

  constructor(private readonly input: LayoutInput) {
    this.tok = input.tokens;
    this.msgMax = Math.max(0, ...input.blocks.map((b) => b.message.length));
    this.idMax = Math.max(0, ...input.blocks.map((b) => b.id.length));
    this.shown = input.blocks.length;
  }

  run(): Layout {
    this.fitFailures();
    this.used = this.tok(this.render(this.msgMax, this.idMax, this.shown, []));
    const visible = this.input.blocks.slice(0, this.shown);
    this.addPlaces(visible);
    this.addDetail(visible);
    this.addFlaky();
    if (this.input.generic) this.addGeneric(this.input.generic);
    return this.trim(visible);
  }

  private render(msgMax: number, idMax: number, shown: number, tail: readonly string[]): string {
    const { header, blocks } = this.input;
    const out: string[] = [header];
    if (blocks.length > 0) out.push(`Failing tests (${blocks.length}):`);
    for (const b of blocks.slice(0, shown)) {
      out.push(`✗ ${shorten(b.id, idMax)}`);
      if (msgMax > 0 && b.message) out.push(`  ${shorten(b.message, msgMax)}`);
      if (b.show.location && b.location) out.push(`  at ${b.location}`);
      if (b.show.excerpt) for (const l of b.excerpt) out.push(`    ${l}`);
      for (const l of b.detail.slice(0, b.show.detail)) out.push(`    ${l}`);
    }
    if (shown < blocks.length) out.push(`… and ${blocks.length - shown} more failing tests`);
    out.push(...tail);
    return out.join('\n');
  }

  private fits(msgMax: number, idMax: number, shown: number): boolean {
    return this.tok(this.render(msgMax, idMax, shown, [])) <= this.input.budget;
  }

  /** Ids and messages: messages shortened evenly, then ids, then failures left out. */
  private fitFailures(): void {
    if (this.fits(this.msgMax, this.idMax, this.shown)) return;
    const { blocks } = this.input;
    this.msgMax = bestFit(0, this.msgMax, (n) => this.fits(n, this.idMax, this.shown));
    if (this.msgMax >= 8) return;
    this.msgMax = 0;
    this.idMax = bestFit(12, this.idMax, (n) => this.fits(0, n, this.shown));
    if (!this.fits(0, this.idMax, this.shown))
      this.shown = bestFit(0, blocks.length, (n) => this.fits(0, this.idMax, n));
  }

  /** Spends `cost` estimated tokens when they fit. */
  private tryAdd(cost: number): boolean {
    if (this.used + cost > this.input.budget) return false;
    this.used += cost;
    return true;
  }

  private addPlaces(visible: readonly Block[]): void {
    for (const b of visible)
      if (b.location && this.tryAdd(this.tok(`  at ${b.location}`) + 1)) b.show.location = true;
    for (const b of visible) {
      if (!b.show.location || b.excerpt.length === 0) continue;
      if (this.tryAdd(this.tok(b.excerpt.map((l) => `    ${l}`).join('\n')) + 1))
        b.show.excerpt = true;
    }
  }

  /** Detail lines round by round: every failure's first line, then every second line, ... */
  private addDetail(visible: readonly Block[]): void {
    for (let round = 0; round < 16; round++) {
      let added = false;
      for (const b of visible) {
        const line = b.detail[b.show.detail];
        if (b.show.detail !== round || line === undefined) continue;
        if (this.tryAdd(this.tok(`    ${line}`) + 1)) {
          b.show.detail++;
          added = true;
        }
      }
      if (!added) break;
    }
  }

  private addTail(line: string): boolean {
    if (!this.tryAdd(this.tok(line) + 1)) return false;
    this.tail.push(line);
    return true;
  }

  private addFlaky(): void {
    const { flaky } = this.input;
    if (flaky.length === 0) return;
    if (
      !this.addTail(`Flaky (failed, then passed on retry; not counted as failing): ${flaky.length}`)
    )
      return;
    for (const id of flaky) if (!this.addTail(`~ ${id}`)) break;
  }

  /** Error lines of the log, then its newest lines with the budget that remains. */
  private addGeneric(generic: Pick<GenericParser, 'snippets' | 'tail'>): void {
    const title = this.input.genericOnly
      ? 'Error lines from the log:'
      : 'Other error lines from the log:';
    if (generic.snippets.length > 0 && this.addTail(title)) {
      outer: for (const s of generic.snippets) {
        for (const l of s) if (!this.addTail(`  ${l}`)) break outer;
        if (!this.addTail('  --')) break;
      }
    }
    const tailLines = generic.tail.toArray();
    const kept: string[] = [];
    for (let i = tailLines.length - 1; i >= 0; i--) {
      const l = `  ${tailLines[i] ?? ''}`;
      if (!this.tryAdd(this.tok(l) + 1)) break;
      kept.unshift(l);
    }
    if (kept.length > 0 && this.addTail('Last lines of the log:')) this.tail.push(...kept);
  }

  /** Estimates can undershoot by a little: drop extras from the end until it truly fits. */
  private trim(visible: readonly Block[]): Layout {
    const { budget } = this.input;
    let text = this.render(this.msgMax, this.idMax, this.shown, this.tail);
    let tokens = this.tok(text);
    while (tokens > budget) {
      if (!this.dropOne(visible)) return this.cutHeader();
      text = this.render(this.msgMax, this.idMax, this.shown, this.tail);
      tokens = this.tok(text);
    }
    return { text, tokens };
  }

  /** Drops the last extra (tail line, detail, excerpt, place), then shortens; false when none. */
  private dropOne(visible: readonly Block[]): boolean {
    if (this.tail.length > 0) this.tail.pop();
    else {
      const b = [...visible]
        .reverse()
        .find((x) => x.show.detail > 0 || x.show.excerpt || x.show.location);
      if (b) {
        if (b.show.detail > 0) b.show.detail--;
        else if (b.show.excerpt) b.show.excerpt = false;
        else b.show.location = false;
      } else if (this.msgMax > 0) this.msgMax = Math.floor(this.msgMax * 0.9);
      else if (this.shown > 0) this.shown--;
      else return false;
    }
    return true;
  }

  /** Not even the header fits: it is cut. */
  private cutHeader(): Layout {
    const { header, budget } = this.input;
    let text = shorten(header, Math.max(1, budget));
    while (this.tok(text) > budget && text.length > 1)
      text = shorten(text, Math.floor(text.length * 0.8));
    return { text, tokens: this.tok(text) };
  }
}
