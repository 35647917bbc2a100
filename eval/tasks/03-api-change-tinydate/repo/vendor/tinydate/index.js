// tinydate 2.0.0 — tiny date formatting and parsing.

export const VERSION = '2.0.0';

const TOKENS = /YYYY|MM|DD|HH|mm/g;

function pad(value, width = 2) {
  return String(value).padStart(width, '0');
}

/**
 * Format `date` with `options.pattern` (tokens YYYY, MM, DD, HH, mm).
 * Local time unless `options.utc` is true.
 */
export function format(date, options) {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('tinydate 2: format(date, options) takes an options object, e.g. { pattern: "YYYY-MM-DD" }');
  }
  const { pattern = 'YYYY-MM-DD', utc = false } = options;
  const parts = utc
    ? { YYYY: date.getUTCFullYear(), MM: date.getUTCMonth() + 1, DD: date.getUTCDate(), HH: date.getUTCHours(), mm: date.getUTCMinutes() }
    : { YYYY: date.getFullYear(), MM: date.getMonth() + 1, DD: date.getDate(), HH: date.getHours(), mm: date.getMinutes() };
  return pattern.replace(TOKENS, (token) => pad(parts[token], token === 'YYYY' ? 4 : 2));
}

/** Read `YYYY-MM-DD` as a UTC date: `{ ok: true, value }` or `{ ok: false, error }`. */
export function parse(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text));
  if (!match) return { ok: false, error: `not a YYYY-MM-DD date: ${text}` };
  const [year, month, day] = match.slice(1).map(Number);
  const value = new Date(Date.UTC(year, month - 1, day));
  if (value.getUTCMonth() !== month - 1 || value.getUTCDate() !== day) {
    return { ok: false, error: `no such day: ${text}` };
  }
  return { ok: true, value };
}
