/**
 * What a plain scalar means under js-yaml's CORE_SCHEMA (js-yaml 4: lib/type/null.js, bool.js, int.js and
 * float.js, tried in that order), written out so that the common case (a word) is decided by its first
 * character without a regular expression.
 */

const FLOAT = new RegExp(
  [
    String.raw`^(?:[-+]?(?:[0-9]+)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?`,
    String.raw`\.[0-9]+(?:[eE][-+]?[0-9]+)?`,
    String.raw`[-+]?\.(?:inf|Inf|INF)`,
    String.raw`\.(?:nan|NaN|NAN))$`,
  ].join('|'),
);
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

function isDigit(ch: number): boolean {
  return ch >= 48 && ch <= 57;
}

function isHex(ch: number): boolean {
  return isDigit(ch) || (ch >= 65 && ch <= 70) || (ch >= 97 && ch <= 102);
}

function parseInteger(data: string): number {
  let value = data;
  let sign = 1;
  let ch = value[0];
  if (ch === '-' || ch === '+') {
    if (ch === '-') sign = -1;
    value = value.slice(1);
    ch = value[0];
  }
  if (value === '0') return 0;
  if (ch === '0') {
    if (value[1] === 'b') return sign * Number.parseInt(value.slice(2), 2);
    if (value[1] === 'x') return sign * Number.parseInt(value.slice(2), 16);
    if (value[1] === 'o') return sign * Number.parseInt(value.slice(2), 8);
  }
  return sign * Number.parseInt(value, 10);
}

/** js-yaml's resolveYamlInteger. */
function isInteger(data: string): boolean {
  const max = data.length;
  let index = 0;
  let ch = data.charCodeAt(0);
  if (ch === 45 || ch === 43) ch = data.charCodeAt(++index);
  if (ch === 48) {
    if (index + 1 === max) return true;
    ch = data.charCodeAt(++index);
    const base = ch === 98 ? 2 : ch === 120 ? 16 : ch === 111 ? 8 : 0;
    if (base !== 0) {
      let digits = false;
      for (index++; index < max; index++) {
        const d = data.charCodeAt(index);
        if (base === 2 ? d !== 48 && d !== 49 : base === 8 ? d < 48 || d > 55 : !isHex(d)) return false;
        digits = true;
      }
      return digits && Number.isFinite(parseInteger(data));
    }
  }
  let digits = false;
  for (; index < max; index++) {
    if (!isDigit(data.charCodeAt(index))) return false;
    digits = true;
  }
  return digits && Number.isFinite(parseInteger(data));
}

function isFloat(data: string): boolean {
  if (!FLOAT.test(data)) return false;
  return Number.isFinite(Number.parseFloat(data)) || FLOAT_SPECIAL.test(data);
}

function constructFloat(data: string): number {
  let value = data.toLowerCase();
  const sign = value[0] === '-' ? -1 : 1;
  if (value[0] === '+' || value[0] === '-') value = value.slice(1);
  if (value === '.inf') return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (value === '.nan') return Number.NaN;
  return sign * Number.parseFloat(value);
}

/** The value of a plain scalar (never empty) under the core schema: null, a boolean, a number or the string. */
export function resolvePlain(s: string): unknown {
  const first = s.charCodeAt(0);
  // Only these can start a null, a boolean or a number: ~ n N t T f F + - . and digits.
  if (first === 126) return s.length === 1 ? null : s;
  if (first === 110 || first === 78) return s === 'null' || s === 'Null' || s === 'NULL' ? null : s;
  if (first === 116 || first === 84) return s === 'true' || s === 'True' || s === 'TRUE' ? true : s;
  if (first === 102 || first === 70) return s === 'false' || s === 'False' || s === 'FALSE' ? false : s;
  if (first !== 43 && first !== 45 && first !== 46 && !isDigit(first)) return s;
  if (isInteger(s)) return parseInteger(s);
  if (isFloat(s)) return constructFloat(s);
  return s;
}
