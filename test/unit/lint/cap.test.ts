import { describe, expect, it } from 'vitest';
import { MAX_FINDINGS_PER_FILE, capPerFile, omittedText } from '../../../src/lint/cap.js';
import type { LintFinding } from '../../../src/lint/run.js';
import { finding } from './formatters/input.js';

const many = (file: string, n: number, extra: Partial<LintFinding> = {}): LintFinding[] =>
  Array.from({ length: n }, (_, i) => finding('reserved-name', 'error', file, i, `#${i}`, extra));

describe('capPerFile', () => {
  it('keeps the first 1,000 findings of each file, in order, and counts the rest per file', () => {
    expect(MAX_FINDINGS_PER_FILE).toBe(1000);
    const a = many('a.yaml', 1003);
    const b = many('b.yaml', 2);
    const { listed, omitted } = capPerFile([...a, ...b]);
    expect(listed).toEqual([...a.slice(0, 1000), ...b]);
    expect(omitted).toEqual([{ file: 'a.yaml', count: 3 }]);
  });

  it('exactly 1,000: nothing omitted', () => {
    expect(capPerFile(many('a.yaml', 1000)).omitted).toEqual([]);
  });

  it('suppressed and baselined findings do not count toward the cap and are all kept', () => {
    const hidden = [...many('a.yaml', 5, { suppressed: { reason: 'r' } }), ...many('a.yaml', 5, { baselined: true })];
    const active = many('a.yaml', 1001);
    const { listed, omitted } = capPerFile([...hidden, ...active]);
    expect(listed).toEqual([...hidden, ...active.slice(0, 1000)]);
    expect(omitted).toEqual([{ file: 'a.yaml', count: 1 }]);
  });

  it('the words every format uses', () => {
    expect(omittedText('a.yaml', 12345)).toBe(
      '… and 12,345 more findings in a.yaml (apig lists the first 1,000 of a file)',
    );
    expect(omittedText('a.yaml', 1)).toBe('… and 1 more finding in a.yaml (apig lists the first 1,000 of a file)');
  });
});
