// A node:test reporter that prints one `GLEVENT {json}` line per leaf result, for truth.json.
const KIND = { hookFailed: 'hook', testTimeoutFailure: 'timeout', cancelledByParent: 'cancelled' };
export default async function* reporter(source) {
  const stacks = new Map();
  const stderr = new Map();
  for await (const { type, data } of source) {
    if (type === 'test:stderr') {
      stderr.set(data.file, (stderr.get(data.file) ?? '') + data.message);
      continue;
    }
    if (type === 'test:start') {
      const s = stacks.get(data.file) ?? [];
      s[data.nesting] = data.name;
      s.length = data.nesting + 1;
      stacks.set(data.file, s);
      continue;
    }
    if (type !== 'test:pass' && type !== 'test:fail') continue;
    const path = [
      data.file ?? '',
      ...(stacks.get(data.file) ?? []).slice(0, data.nesting),
      data.name,
    ];
    const fileLevel = data.nesting === 0 && data.file && data.file.endsWith(data.name);
    if (fileLevel) path.pop();
    const err = data.details?.error;
    if (type === 'test:fail' && err?.failureType === 'subtestsFailed') continue;
    if (data.details?.type === 'suite' && type === 'test:pass') continue;
    const skip = data.skip !== undefined || data.todo !== undefined;
    const event = type === 'test:fail' ? 'fail' : skip ? 'skip' : 'pass';
    const cause = err?.cause ?? err;
    let error = cause ? (cause.message ?? String(cause)) : undefined;
    // A file that fails to load: node's event says 'test failed'; its stderr has the error.
    const printed = [...stderr].find(([k]) => data.file === k || data.file?.endsWith(`/${k}`));
    const thrown = fileLevel && /^\w*Error: .*$/m.exec(printed?.[1] ?? '');
    const reported = error;
    if (thrown) error = thrown[0];
    yield `GLEVENT ${JSON.stringify({ event, path, line: data.line, error, kind: KIND[err?.failureType] ?? 'test', reported })}\n`;
  }
}
