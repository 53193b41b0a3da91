/** Where the cursor stands in block YAML being typed (src/lsp/typing-context.ts), for completion. */
import { describe, expect, it } from 'vitest';
import { typingContext } from '../../../src/lsp/typing-context.js';

/** The context at the `|` in the text. */
function at(marked: string) {
  const i = marked.indexOf('|');
  const text = marked.slice(0, i) + marked.slice(i + 1);
  const before = text.slice(0, i);
  const line = before.split('\n').length - 1;
  return typingContext(text, line, i - (before.lastIndexOf('\n') + 1));
}

describe('typingContext', () => {
  it('a key being typed in an operation', () => {
    expect(at('paths:\n  /a:\n    get:\n      operationId: a\n      x-apig|\n')).toEqual({
      segments: ['paths', '/a', 'get'],
      on: 'key',
      typed: 'x-apig',
    });
  });

  it('a key on an empty line at the root', () => {
    expect(at('swagger: "2.0"\n|\npaths: {}\n')).toEqual({ segments: [], on: 'key', typed: '' });
  });

  it('a value after a key, and a quoted one', () => {
    expect(at('paths:\n  /a:\n    get:\n      x-apigateway-backend:\n        type: MO|')).toEqual({
      segments: ['paths', '/a', 'get', 'x-apigateway-backend', 'type'],
      on: 'value',
      typed: 'MO',
    });
    expect(at("a:\n  b: '#ba|")).toEqual({ segments: ['a', 'b'], on: 'value', typed: "'#ba" });
  });

  it('inside list entries: the index of the entry', () => {
    const text = 'x-apigateway-backend:\n  parameters:\n    - name: a\n      value: a\n    - name: b\n      value: |\n';
    expect(at(text)).toEqual({
      segments: ['x-apigateway-backend', 'parameters', '1', 'value'],
      on: 'value',
      typed: '',
    });
    expect(at('parameters:\n- name: a\n- name: |')).toEqual({
      segments: ['parameters', '1', 'name'],
      on: 'value',
      typed: '',
    });
  });

  it('the last entry of a flow list', () => {
    expect(at('publish:\n  RELEASE: [a, ge|')).toEqual({ segments: ['publish', 'RELEASE'], on: 'value', typed: 'ge' });
  });

  it('a scalar entry of a block list', () => {
    expect(at('publish:\n  test:\n    - get|')).toEqual({
      segments: ['publish', 'test', '0'],
      on: 'key',
      typed: 'get',
    });
  });

  it('comments and blank lines between do not count', () => {
    expect(at('a:\n  # note\n\n  b:\n    c: |')).toEqual({ segments: ['a', 'b', 'c'], on: 'value', typed: '' });
  });
});
