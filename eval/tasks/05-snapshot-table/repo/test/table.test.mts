import { describe, expect, it } from 'vitest';
import { renderTable } from '../src/table.mjs';

describe('renderTable', () => {
  it('renders a release table', () => {
    const table = renderTable(
      ['package', 'version', 'downloads'],
      [
        ['greenloop-core', '1.12.0', 184230],
        ['cli', '1.2.0', 9120],
        ['a|b', '0.1.0-beta.3', 7],
      ],
    );
    expect(table).toMatchSnapshot();
  });

  it('renders a header-only table', () => {
    expect(renderTable(['id', 'name'], [])).toMatchSnapshot();
  });
});
