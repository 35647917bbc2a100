/**
 * The token-counting port. The model layer provides the real counter (o200k_base, whose tables
 * load lazily); layers below it (the digest) take it as a parameter instead of importing it.
 */
export interface TokenCounter {
  /**
   * Tokens of `text`, never fewer than the real count: exact once the tokenizer's tables have
   * loaded, a bound from an estimate before (so a budget measured with it still holds).
   */
  count(text: string): number;
}
