/**
 * How deep a document may nest. The parsers recurse once per level (the `yaml` package's CST parser overflows
 * the stack somewhere under 1,000 levels, and so would every walk after it), so deeper input is refused
 * before it is parsed. No real Swagger file comes near the limit.
 */
import type { CST } from 'yaml';
import { yaml } from './yaml-lib.js';

export const MAX_NESTING = 200;

export const TOO_DEEP = `the document nests deeper than ${MAX_NESTING} levels; apig reads at most ${MAX_NESTING}`;

interface Level {
  col: number;
  seq: boolean;
}

/**
 * The offset where the nesting first goes past MAX_NESTING, or undefined. An estimate from the `yaml` lexer's
 * tokens (linear, no recursion): block collections are tracked by the column they start at, flow
 * collections by their brackets. Used before the `yaml` package parses a document.
 */
export function tooDeepAt(text: string): number | undefined {
  const { CST: cst, Lexer } = yaml();
  const levels: Level[] = [];
  let flow = 0;
  let offset = 0;
  let lineStart = 0;
  let lineHead = true;
  /** Column of the node that began last on this line (a key, when `:` follows). */
  let nodeCol = -1;
  let scalarNext = false;
  const top = (): Level | undefined => levels[levels.length - 1];
  const open = (col: number, seq: boolean): void => {
    const t = top();
    if (!t || t.col !== col || t.seq !== seq) levels.push({ col, seq });
  };
  for (const lexeme of new Lexer().lex(text)) {
    if (lexeme === cst.SCALAR) {
      scalarNext = true;
      continue;
    }
    if (lexeme === cst.DOCUMENT || lexeme === cst.FLOW_END) continue;
    const type: CST.TokenType | null = scalarNext ? 'scalar' : cst.tokenType(lexeme);
    scalarNext = false;
    const col = offset - lineStart;
    if (type === 'newline') {
      lineHead = true;
      nodeCol = -1;
    } else if (type === 'doc-start' || type === 'doc-end') {
      levels.length = 0;
      flow = 0;
      lineHead = false;
    } else if (type !== 'space' && type !== 'comment' && type !== 'byte-order-mark' && type !== 'directive-line') {
      const head = lineHead;
      lineHead = false;
      if (flow === 0 && head) {
        // A line's first token closes the block collections that started to its right.
        while ((top()?.col ?? -1) > col) levels.pop();
        if (type !== 'seq-item-ind' && top()?.col === col && top()?.seq) levels.pop();
      }
      if (type === 'flow-map-start' || type === 'flow-seq-start') flow++;
      else if (type === 'flow-map-end' || type === 'flow-seq-end') flow = Math.max(0, flow - 1);
      else if (flow === 0) {
        if (type === 'seq-item-ind') open(col, true);
        else if (type === 'explicit-key-ind') open(col, false);
        else if (type === 'map-value-ind') open(nodeCol >= 0 ? nodeCol : col, false);
        if (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind') nodeCol = -1;
        else if (nodeCol < 0) nodeCol = col;
      }
    }
    const nl = lexeme.lastIndexOf('\n');
    if (nl >= 0) lineStart = offset + nl + 1;
    offset += lexeme.length;
    if (levels.length + flow > MAX_NESTING) return offset - lexeme.length;
  }
  return undefined;
}
