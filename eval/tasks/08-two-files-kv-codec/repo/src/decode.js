/** Decode `key=value;key=value` into a map of strings. */
export function decode(text) {
  const map = {};
  if (text === '') return map;
  for (const pair of text.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0) throw new SyntaxError(`missing "=" in ${JSON.stringify(pair)}`);
    map[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return map;
}
