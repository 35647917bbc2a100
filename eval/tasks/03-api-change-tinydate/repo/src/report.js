import { format, parse } from '../vendor/tinydate/index.js';

/** The UTC day of `date` as `YYYY-MM-DD`. */
export function dayKey(date) {
  return format(date, 'YYYY-MM-DD');
}

/** Events `{ at: ISO string, ... }` grouped by UTC day, days in ascending order. */
export function groupByDay(events) {
  const groups = new Map();
  for (const event of events) {
    const key = dayKey(new Date(event.at));
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(event);
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

/** A `YYYY-MM-DD` string as a UTC `Date`, or `null` when it is not a valid day. */
export function parseDay(text) {
  try {
    return parse(text);
  } catch {
    return null;
  }
}
