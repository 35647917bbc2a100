import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codeBlock,
  codeSpan,
  escapeHtml,
  escapeMarkdown,
  escapeTableCell,
  markdownUrl,
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
      `\\!\\[success\\]\\(https:${ZWSP}//img.shields.io/badge/build-passing-green\\)`,
    ],
    ['[link](http://x)', `\\[link\\]\\(http:${ZWSP}//x\\)`],
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

describe('escapeMarkdown: references, links and mentions', () => {
  // What GitHub links or acts on in an issue, PR body or comment: bare URLs and `www.` (GFM
  // autolink extension), `#N`, `GH-N` and `owner/repo#N` (autolinked references), the same after a
  // closing keyword (closes the issue on merge), and `@user` / `@org/team` mentions.
  const live = [/#\d/, /GH-\d/i, /[a-z]:\/\//i, /www\./i, /@[A-Za-z0-9]/];
  it.each([
    'Fixes #12',
    'closes owner/repo#34 and resolves #5',
    'fixed: octo-org/octo-repo#100',
    'Resolves https://github.com/owner/repo/issues/7',
    'see http://evil.example/x and HTTPS://EVIL.example',
    'visit www.evil.example today',
    'cc @octocat and @github/security',
    'GH-26 and gh-27',
    'mail me: user@example.com',
    'test #1 and case #2',
  ])('%j is inert', (text) => {
    const out = escapeMarkdown(text);
    for (const pattern of live) expect(out).not.toMatch(pattern);
    // Readable: removing the zero-width spaces and backslashes gives the text back.
    expect(out.replaceAll(ZWSP, '').replaceAll('\\', '')).toBe(text);
  });

  it('escapes table cells the same way', () => {
    expect(escapeTableCell('Fixes #1 @bob www.x.y')).toBe(
      `Fixes #${ZWSP}1 @${ZWSP}bob www${ZWSP}.x.y`,
    );
  });
});

describe('markdownUrl (a URL GitHub returned, e.g. a pull request html_url)', () => {
  it('prints a web URL as an autolink GitHub renders as a link', () => {
    expect(markdownUrl('https://github.com/octo/proj/pull/12')).toBe(
      '<https://github.com/octo/proj/pull/12>',
    );
    expect(markdownUrl('http://ghes.example/my_org/my_repo.js/pull/3#issuecomment-9')).toBe(
      '<http://ghes.example/my_org/my_repo.js/pull/3#issuecomment-9>',
    );
  });

  it.each([
    'javascript:alert(1)',
    'https://x.example/a b',
    'https://x.example/a>b',
    'https://x.example/a)[x](https://evil.example',
    'https://x.example/\u0007',
    'https://x.example/a\nb',
    'not a url',
    'file:///etc/passwd',
  ])('anything else is escaped text, never a link: %j', (url) => {
    const printed = markdownUrl(url);
    expect(printed).toBe(escapeMarkdown(url));
    expect(printed).not.toMatch(/^<|\]\(|:\/\//);
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

  // Char.IsWhiteSpace per .NET's documentation: the members of SpaceSeparator, LineSeparator and
  // ParagraphSeparator, and U+0009-U+000D, U+0085. The runner's TrimStart() removes them all.
  const DOTNET_WHITESPACE = [
    ...'\t\v\f \u0085\u00a0\u1680\u2028\u2029\u202f\u205f\u3000',
    ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
  ];
  const dotnetTrimStart = (line: string): string => {
    let i = 0;
    while (i < line.length && DOTNET_WHITESPACE.includes(line[i]!)) i++;
    return line.slice(i);
  };

  it.each(DOTNET_WHITESPACE.map((ch) => [ch.codePointAt(0)!.toString(16).padStart(4, '0'), ch]))(
    'defuses a command behind U+%s, which .NET trims',
    (_code, ch) => {
      for (const input of [
        `${ch}::add-mask::x`,
        `${ch}${ch} ::stop-commands::tok`,
        `ok\n${ch}::error::x`,
      ]) {
        for (const line of neutraliseWorkflowCommands(input).split(/\r\n|\r|\n/)) {
          expect(dotnetTrimStart(line).startsWith('::')).toBe(false);
        }
      }
    },
  );

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
