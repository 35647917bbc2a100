/**
 * Bounded output capture: the first and last `limit` bytes of a stream, never
 * more, with a line in the middle saying how much was cut.
 */
export class HeadTail {
  private readonly head: Buffer[] = [];
  private headLen = 0;
  private tail: Buffer[] = [];
  private tailLen = 0;
  total = 0;

  constructor(private readonly limit: number) {}

  push(chunk: Buffer): void {
    this.total += chunk.length;
    let rest = chunk;
    if (this.headLen < this.limit) {
      const take = Math.min(this.limit - this.headLen, rest.length);
      this.head.push(Buffer.from(rest.subarray(0, take)));
      this.headLen += take;
      rest = rest.subarray(take);
    }
    if (rest.length === 0) return;
    // Copy: the source buffer may be pooled and reused.
    this.tail.push(Buffer.from(rest));
    this.tailLen += rest.length;
    while (this.tail.length > 1 && this.tailLen - (this.tail[0]?.length ?? 0) >= this.limit) {
      this.tailLen -= this.tail.shift()?.length ?? 0;
    }
  }

  toString(): string {
    const head = Buffer.concat(this.head).toString('utf8');
    if (this.tailLen === 0) return head;
    let tail = Buffer.concat(this.tail);
    if (tail.length > this.limit) tail = tail.subarray(tail.length - this.limit);
    const cut = this.total - this.headLen - tail.length;
    if (cut <= 0) return head + tail.toString('utf8');
    return `${head}\n[... ${cut} bytes cut ...]\n${tail.toString('utf8')}`;
  }
}

/** Keeps the head and tail of a string within `maxChars`, saying how much was cut. */
export function capText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const half = Math.max(1, Math.floor(maxChars / 2));
  const cut = text.length - 2 * half;
  return `${text.slice(0, half)}\n[... ${cut} characters cut ...]\n${text.slice(text.length - half)}`;
}
