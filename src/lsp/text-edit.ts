/** The one text edit that turns a text into another: the changed middle, between their common prefix and suffix. */
import type { TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export function editBetween(doc: TextDocument, next: string): TextEdit | undefined {
  const text = doc.getText();
  if (text === next) return undefined;
  let start = 0;
  const max = Math.min(text.length, next.length);
  while (start < max && text.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && text.charCodeAt(text.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  return {
    range: { start: doc.positionAt(start), end: doc.positionAt(text.length - end) },
    newText: next.slice(start, next.length - end),
  };
}
