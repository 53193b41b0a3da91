/** The one text edit that turns a text into another: the changed middle, between their common prefix and suffix. */
import type { TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Whether `at` falls inside a character (a surrogate pair) or a CRLF line break of `text`. */
const splits = (text: string, at: number): boolean =>
  at > 0 &&
  at < text.length &&
  ((isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at))) ||
    (text.charCodeAt(at - 1) === 13 && text.charCodeAt(at) === 10));

export function editBetween(doc: TextDocument, next: string): TextEdit | undefined {
  const text = doc.getText();
  if (text === next) return undefined;
  let start = 0;
  const max = Math.min(text.length, next.length);
  while (start < max && text.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && text.charCodeAt(text.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  // An edge never falls inside an emoji's surrogate pair or a CRLF: positions there mean nothing to an editor
  // that counts in UTF-8 bytes or code points, or that sees a line break as one.
  while (start > 0 && (splits(text, start) || splits(next, start))) start--;
  while (end > 0 && (splits(text, text.length - end) || splits(next, next.length - end))) end--;
  return {
    range: { start: doc.positionAt(start), end: doc.positionAt(text.length - end) },
    newText: next.slice(start, next.length - end),
  };
}
