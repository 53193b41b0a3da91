/**
 * Regression (issue 17, apig lsp): a fix's text edit was cut at the first and last UTF-16 code units that differ,
 * so a change to an emoji (or a line break) could start or end between the two halves of a surrogate pair, or
 * between the CR and the LF of a CRLF: a position that is no position at all for an editor that counts in UTF-8
 * bytes or code points (Neovim converts) or sees CRLF as one break. Now an edit's edges fall between characters.
 */
import { expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { editBetween } from '../../src/lsp/text-edit.js';

const doc = (text: string) => TextDocument.create('file:///t.yaml', 'yaml', 1, text);

it('never cuts an edit inside a surrogate pair or a CRLF', () => {
  // 😀 and 😁 share their high surrogate; the edit replaces the whole character.
  expect(editBetween(doc('a: "😀"\n'), 'a: "😁"\n')).toEqual({
    range: { start: { line: 0, character: 4 }, end: { line: 0, character: 6 } },
    newText: '😁',
  });
  // A CR added before a CRLF: the edit does not start between the CR and the LF.
  expect(editBetween(doc('a: 1\r\n'), 'a: 1\r\r\n')).toEqual({
    range: { start: { line: 0, character: 4 }, end: { line: 1, character: 0 } },
    newText: '\r\r\n',
  });
});
