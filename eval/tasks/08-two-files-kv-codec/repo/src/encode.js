/** Encode a flat map of strings as `key=value;key=value`. */
export function encode(map) {
  return Object.entries(map)
    .map(([key, value]) => `${key}=${value}`)
    .join(';');
}
