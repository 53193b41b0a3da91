/**
 * GitHub Actions workflow commands: `::error file=...,line=...,col=...::message`; a file with findings past the
 * per-file cap gets one `::warning file=...::` saying how many more there are.
 */
import { isHidden, omittedText } from '../cap.js';
import type { Formatter } from './types.js';

const COMMAND = { error: 'error', warn: 'warning', info: 'notice', hint: 'notice' } as const;
/** Workflow-command escaping (actions/toolkit: %, \r, \n in data; also : and , in properties). */
const data = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string): string => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = ({ findings, omitted }) => {
  const lines = findings
    .filter((f) => !isHidden(f))
    .map((f) => {
      const r = f.range;
      const props = [
        `file=${prop(f.source)}`,
        `line=${(r?.start.line ?? 0) + 1}`,
        `col=${(r?.start.character ?? 0) + 1}`,
        `endLine=${(r?.end.line ?? 0) + 1}`,
        `endColumn=${(r?.end.character ?? 0) + 1}`,
        `title=${prop(`apig ${f.code}`)}`,
      ].join(',');
      return `::${COMMAND[f.severity]} ${props}::${data(f.message)}\n`;
    });
  for (const { file, count } of omitted)
    lines.push(`::warning file=${prop(file)},title=${prop('apig lint')}::${data(omittedText(file, count))}\n`);
  return lines.join('');
};
