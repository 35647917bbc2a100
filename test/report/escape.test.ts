import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codeBlock,
  codeSpan,
  escapeHtml,
  escapeMarkdown,
  escapeTableCell,
  neutraliseWorkflowCommands,
  stripUnsafeCharacters,
} from '../../src/report/escape.js';

const ZWSP = '\u200b';

describe('escapeMarkdown', () => {
  it.each([
    ['plain words', 'plain words'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert\\(1\\)&lt;/script&gt;'],
    ['a & b', 'a &amp; b'],
    ['| a | b |', '\\| a \\| b \\|'],
    ['**SUCCESS**', '\\*\\*SUCCESS\\*\\*'],
    ['_em_ `code`', '\\_em\\_ \\`code\\`'],
    [
      '![success](https://img.shields.io/badge/build-passing-green)',
      '\\!\\[success\\]\\(https://img.shields.io/badge/build-passing-green\\)',
    ],
    ['[link](http://x)', '\\[link\\]\\(http://x\\)'],
    ['# Heading', '\\# Heading'],
    ['  ## Heading', '&nbsp;&nbsp;\\## Heading'],
    ['a # not heading', 'a # not heading'],
    ['> quote', '&gt; quote'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['1. item', '1\\. item'],
    ['12) item', '12\\) item'],
    ['===', '\\==='],
    ['~~strike~~', '\\~\\~strike\\~\\~'],
    ['$x^2$', '\\$x^2\\$'],
    ['back\\slash', 'back\\\\slash'],
    ['ping @octocat', `ping @${ZWSP}octocat`],
    ['::add-mask::secret', '\\::add-mask::secret'],
    ['line1\n# line2', 'line1\n\\# line2'],
    ['crlf\r\n- x', 'crlf\n\\- x'],
    ['\x1b[31mred\x1b[0m', 'red'],
    ['bidi\u202eevil', 'bidievil'],
  ])('%j → %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('never leaves a line starting with :: or raw HTML', () => {
    const out = escapeMarkdown(
      '::set-output name=x::y\n  ::error::boom\n<img src=x onerror=alert(1)>',
    );
    for (const line of out.split('\n')) expect(line.trimStart().startsWith('::')).toBe(false);
    expect(out).not.toMatch(/<[a-z]/i);
  });
});

describe('escapeTableCell', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['multi\nline\n\ttext', 'multi line text'],
    ['  padded  ', 'padded'],
    ['- not a list', '\\- not a list'],
  ])('%j → %j', (input, expected) => {
    expect(escapeTableCell(input)).toBe(expected);
  });
});

describe('neutraliseWorkflowCommands', () => {
  it.each([
    ['::add-mask::secret', `:${ZWSP}:add-mask::secret`],
    ['::set-output name=x::y', `:${ZWSP}:set-output name=x::y`],
    ['  ::stop-commands::tok', `  :${ZWSP}:stop-commands::tok`],
    ['::error file=a::boom', `:${ZWSP}:error file=a::boom`],
    ['::WARNING::x', `:${ZWSP}:WARNING::x`],
    ['::group::title', `:${ZWSP}:group::title`],
    ['\x1b[0m::error::x', `\x1b[0m:${ZWSP}:error::x`],
    ['prefix ##[error]legacy', `prefix #${ZWSP}#[error]legacy`],
    ['a::b is fine', 'a::b is fine'],
    ['std::vector', 'std::vector'],
    ['ok\n::debug::x\r\n::notice::y', `ok\n:${ZWSP}:debug::x\r\n:${ZWSP}:notice::y`],
    ['## heading', '## heading'],
  ])('%j → %j', (input, expected) => {
    expect(neutraliseWorkflowCommands(input)).toBe(expected);
  });

  it('leaves no line the runner would parse as a command', () => {
    const input = ['::add-mask::x', ' \t::set-env name=A::1', 'x ##[set-output name=a]b'].join(
      '\n',
    );
    const out = neutraliseWorkflowCommands(input);
    for (const line of out.split('\n')) {
      expect(line.trim().startsWith('::')).toBe(false);
      expect(line.includes('##[')).toBe(false);
    }
  });
});

describe('escapeHtml', () => {
  it.each([
    ['<b>"x" & \'y\'</b>', '&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;'],
    ['plain', 'plain'],
  ])('%j → %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('codeBlock', () => {
  it.each([
    ['x = 1', '', '```\nx = 1\n```'],
    ['x\n', 'ts', '```ts\nx\n```'],
    ['has ``` inside', 'md', '````md\nhas ``` inside\n````'],
    ['has ````` five', '', '``````\nhas ````` five\n``````'],
    ['<script>', 'diff; rm -rf', '```diffrm-rf\n<script>\n```'],
  ])('%j (%j)', (text, lang, expected) => {
    expect(codeBlock(text, lang)).toBe(expected);
  });
});

describe('codeSpan', () => {
  it.each([
    ['gpt-5', '`gpt-5`'],
    ['a`b', '``a`b``'],
    ['`x', '`` `x ``'],
    ['a|b', '`a\u2223b`'],
  ])('%j → %j', (text, expected) => {
    expect(codeSpan(text)).toBe(expected);
  });
});

describe('stripUnsafeCharacters', () => {
  it('keeps tabs and newlines, drops controls', () => {
    expect(stripUnsafeCharacters('a\tb\nc\x00d\x07e\x1b[1mf')).toBe('a\tb\ncdef');
  });
});

describe('properties', () => {
  const nasty = fc.string({
    unit: fc.constantFrom(
      ...'<>&|*_`[]()!#:-+=~$\\@\n\r\t \u202e\x1b'.split(''),
      'a',
      '1.',
      '::',
      '##[',
    ),
    maxLength: 60,
  });

  it('escapeMarkdown leaves no HTML, no command line, no unescaped specials', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const out = escapeMarkdown(text);
        expect(out).not.toMatch(/[<>]/);
        expect(out).not.toMatch(/(?<!\\)[|*_`[\]!]/);
        for (const line of out.split('\n')) {
          expect(line.trim().startsWith('::')).toBe(false);
          expect(line).not.toContain('##[');
        }
      }),
    );
  });

  it('escapeTableCell is one line', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        expect(escapeTableCell(text)).not.toMatch(/[\r\n]/);
      }),
    );
  });

  it('codeBlock keeps the text intact between its fences', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('`', 'a', '\n', '~'), maxLength: 40 }),
        (text) => {
          const block = codeBlock(text);
          const fence = /^`+/.exec(block)?.[0] ?? '';
          const body = block.slice(fence.length + 1, block.length - fence.length);
          expect(body).toBe(text.endsWith('\n') ? text : `${text}\n`);
          expect(body.includes(fence)).toBe(false);
        },
      ),
    );
  });
});
