/**
 * Plain scalars for the single-pass YAML reader. readPlainSlow is js-yaml's readPlainScalar (js-yaml 4,
 * lib/loader.js) step for step; readPlainScalar answers the common case (one line of ordinary characters) in
 * a small loop that V8 optimizes early, and hands everything else to readPlainSlow from the start.
 */
import {
  atDocumentSeparator,
  type Cursor,
  checkPrintable,
  folded,
  intern,
  isEol,
  isFlowIndicator,
  isWhiteSpace,
  isWsOrEol,
  skipSeparationSpace,
} from './yaml-state.js';

/** ASCII that cannot start a plain scalar: spaces, line breaks, flow indicators and # & * ! | > ' " % @ `. */
export const REFUSED = new Uint8Array(128);
for (const ch of ' \t\r\n,[]{}#&*!|>\'"%@`') REFUSED[ch.charCodeAt(0)] = 1;

/**
 * The part of a one-line plain scalar that V8 matches natively: words of printable characters (a `:` only when
 * no space follows, a `#` only inside a word) with spaces between them. Not C1 controls, surrogates, U+FFFE
 * or U+FFFF, which readPlainSlow checks. In flow, not `,[]{}` either.
 */
function run(character: string, colon: string): RegExp {
  const word = `(?:${character}|${colon})+`;
  return new RegExp(`${word}(?: +(?!#)${word})*`, 'y');
}
export const RUN_BLOCK = run(String.raw`[!-9;-~\u00a0-\ud7ff\ue000-\ufffd]`, String.raw`:(?![ \t\r\n])`);
const RUN_FLOW = run(String.raw`[!-+\--9;-Z\\^-z|~\u00a0-\ud7ff\ue000-\ufffd]`, String.raw`:(?![ \t\r\n,[\]{}])`);

/** A plain scalar's text (not yet resolved), or undefined when none starts here. */
export function readPlainScalar(c: Cursor, nodeIndent: number, inFlow: boolean): string | undefined {
  const t = c.t;
  const start = c.p;
  let ch = t.charCodeAt(start) | 0;
  if (ch < 128 && REFUSED[ch] === 1) return undefined;
  if (ch === 63 || ch === 45) {
    const following = t.charCodeAt(start + 1) | 0;
    if (isWsOrEol(following) || (inFlow && isFlowIndicator(following))) return undefined;
  }
  if ((ch === 45 || ch === 46) && start === c.lineStart && atDocumentSeparator(c)) return undefined;
  const run = inFlow ? RUN_FLOW : RUN_BLOCK;
  run.lastIndex = start;
  if (!run.test(t)) return readPlainSlow(c, nodeIndent, inFlow);
  const end = run.lastIndex;
  let p = end;
  ch = t.charCodeAt(p) | 0;
  while (ch === 32) ch = t.charCodeAt(++p) | 0;
  if (ch === 10 || ch === 13) {
    // The scalar ends here when the next line has content indented less than nodeIndent (js-yaml goes there to
    // see, and comes back).
    let q = p + (ch === 13 && t.charCodeAt(p + 1) === 10 ? 2 : 1);
    const lineStart = q;
    while (t.charCodeAt(q) === 32) q++;
    const next = t.charCodeAt(q) | 0;
    if (q - lineStart >= nodeIndent || next === 0 || next === 9 || next === 10 || next === 13)
      return readPlainSlow(c, nodeIndent, inFlow);
    // The line state is as it was, but for the tab mark, which the line break reset.
    c.firstTab = -1;
    p = end;
  } else if (!(ch === 58 || ch === 35 || (inFlow && isFlowIndicator(ch)))) return readPlainSlow(c, nodeIndent, inFlow);
  c.p = p;
  return intern(c, start, end);
}

/** js-yaml's readPlainScalar, for what readPlainScalar leaves: line folding, tabs, controls, surrogates, the end. */
function readPlainSlow(c: Cursor, nodeIndent: number, inFlow: boolean): string | undefined {
  const t = c.t;
  let p = c.p;
  let ch = t.charCodeAt(p) | 0;
  let result = '';
  let captureStart = p;
  let captureEnd = p;
  let pending = false;
  let line = 0;
  while (ch !== 0) {
    if (ch === 58) {
      const following = t.charCodeAt(p + 1) | 0;
      if (isWsOrEol(following) || (inFlow && isFlowIndicator(following))) break;
    } else if (ch === 35) {
      if (isWsOrEol(t.charCodeAt(p - 1) | 0)) break;
    } else if (inFlow && isFlowIndicator(ch)) {
      break;
    } else if (p === c.lineStart) {
      c.p = p;
      if (atDocumentSeparator(c)) break;
    }
    if (isEol(ch)) {
      line = c.line;
      const lineStart = c.lineStart;
      const lineIndent = c.lineIndent;
      c.p = p;
      skipSeparationSpace(c, false);
      if (c.lineIndent >= nodeIndent) {
        p = c.p;
        pending = true;
        ch = t.charCodeAt(p) | 0;
        continue;
      }
      p = captureEnd;
      c.line = line;
      c.lineStart = lineStart;
      c.lineIndent = lineIndent;
      break;
    }
    if (ch < 32 || ch >= 127) checkPrintable(c, p, ch);
    if (pending) {
      result += t.slice(captureStart, captureEnd) + folded(c.line - line);
      captureStart = captureEnd = p;
      pending = false;
    }
    if (!isWhiteSpace(ch)) captureEnd = p + 1;
    ch = t.charCodeAt(++p) | 0;
  }
  c.p = p;
  if (captureStart === captureEnd) return result === '' ? undefined : result;
  return result === '' ? intern(c, captureStart, captureEnd) : result + t.slice(captureStart, captureEnd);
}
