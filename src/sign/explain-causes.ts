/**
 * Plain-words causes for one differing canonical-request line, modelled on the table of 000 §4.7 step 3
 * ("line 1 differs: the request method must be the same", …) and the disagreements of signing.md §5.
 * `gateway` is the text the user pasted, `ours` what apig computed for the request as described.
 */
import { EMPTY_BODY_SHA256 } from './digest.js';
import { decodePercent } from './percent.js';

const UNSIGNED = 'UNSIGNED-PAYLOAD';

export function methodCause(gateway: string, ours: string): string {
  if (gateway.toUpperCase() === ours.toUpperCase()) {
    return (
      'the method differs only in case: the gateway signs it upper-cased; ' +
      'the APIG JS and Node.js core SDKs sign it as given (docs/sign.md, SDK differences)'
    );
  }
  return (
    `the request method must be the same (FAQ (2024) §4.7 step 3): ` +
    `the gateway saw ${gateway}, apig signed ${ours}; sign with -X ${gateway} or send ${ours}`
  );
}

export function pathCause(gateway: string, ours: string): string {
  if (`${gateway}/` === ours || `${ours}/` === gateway) {
    return (
      'trailing slash: the canonical path always ends with "/", ' +
      'even when the request is sent without one (API Signing Guide; FAQ (2024) §4.7 signs GET /app1 as /app1/)'
    );
  }
  if (
    decodePercent(gateway) === ours ||
    decodePercent(ours) === gateway ||
    gateway.replace(/%25/g, '%') === ours ||
    ours.replace(/%25/g, '%') === gateway
  ) {
    return (
      'the path was percent-encoded twice on one side ("%25" is an encoded "%"): send escapes once and sign ' +
      'the decoded path; the Node.js core SDK and APIG JS double-encode %20, %2F… (docs/sign.md, SDK differences)'
    );
  }
  if (gateway.toLowerCase() === ours.toLowerCase()) return 'the path differs in case: paths are case-sensitive';
  return (
    'the request path must be the same (FAQ (2024) §4.7 step 3): ' +
    'the URL signed is not the URL called (base path, stage prefix, or a proxy rewrote it)'
  );
}

function pairs(q: string): string[] {
  return q === '' ? [] : q.split('&');
}

export function queryCause(gateway: string, ours: string): string {
  const g = pairs(gateway);
  const o = pairs(ours);
  if (g.length === 0 || o.length === 0) {
    return (
      `${g.length === 0 ? 'the gateway saw no query' : 'apig signed no query'}: parameters were added or dropped ` +
      `on the way (an HTTP client or proxy rewrote the URL); the query must be the same (FAQ (2024) §4.7 step 3)`
    );
  }
  if ([...g].sort().join('&') === [...o].sort().join('&')) {
    return (
      'the query parameters are the same but in another order: sort by decoded name, then value, ' +
      'in code-point order (API Signing Guide; APIG Java and the legacy JS signer sort after encoding)'
    );
  }
  if (gateway.replace(/%2B/g, '%20') === ours.replace(/%2B/g, '%20')) {
    return (
      'a "+" in the query: a literal "+" means plus (%2B), not a space; ' +
      'send spaces as %20 (APIG Java reads "+" as a space; docs/sign.md, SDK differences)'
    );
  }
  if (gateway.replace(/%25/g, '%') === ours || ours.replace(/%25/g, '%') === gateway) {
    return (
      'the query was percent-encoded twice on one side ("%25XX"): APIG JS keeps %2B, %2F, ' +
      '%3D… encoded and encodes them again (docs/sign.md, SDK differences); send each escape once'
    );
  }
  const bare = (list: string[]): string[] => list.map((p) => (p.includes('=') ? p : `${p}=`));
  if (bare(g).sort().join('&') === bare(o).sort().join('&')) {
    return 'empty values must be written "name=" (API Signing Guide); the legacy APIG JS signer writes a bare "name"';
  }
  const names = (list: string[]): Set<string> => new Set(list.map((p) => p.split('=')[0] ?? ''));
  const gn = names(g);
  const on = names(o);
  const onlyG = [...gn].filter((n) => !on.has(n));
  const onlyO = [...on].filter((n) => !gn.has(n));
  if (onlyG.length + onlyO.length > 0) {
    const parts = [
      onlyG.length ? `only the gateway saw ${onlyG.join(', ')}` : '',
      onlyO.length ? `only apig signed ${onlyO.join(', ')}` : '',
    ].filter(Boolean);
    return `the request parameters must be the same (FAQ (2024) §4.7 step 3): ${parts.join('; ')}`;
  }
  return (
    'the request parameters must be the same (FAQ (2024) §4.7 step 3): ' +
    'a value differs (encoding, or a parameter changed after signing)'
  );
}

export function headerCause(name: string, gateway: string | undefined, ours: string | undefined): string {
  if (ours === undefined)
    return (
      `the client signed "${name}" but apig did not: ` +
      `pass it to apig with -H "${name}: value" (or list it in --signed-headers)`
    );
  if (gateway === undefined)
    return (
      `apig signed "${name}" but the client did not list it in SignedHeaders: ` +
      `drop it from --signed-headers, or make the client sign it`
    );
  if (name === 'host') {
    if (gateway.replace(/:\d+$/, '') === ours.replace(/:\d+$/, '')) {
      return (
        'Host differs by its port: HTTP clients drop default ports (:443, :80) from Host; ' +
        'sign the Host value actually sent (docs/sign.md, The algorithm)'
      );
    }
    return (
      'Host differs: the request reached another host name than the one signed (a proxy, ' +
      'a custom domain, or a call by IP with another Host)'
    );
  }
  if (name === 'x-sdk-date') {
    return (
      'X-Sdk-Date differs: the date signed is not the date sent; ' +
      'sign and send one value (the JS demo page makes a new date on every click)'
    );
  }
  if (name === 'content-type') {
    const base = (v: string): string => (v.split(';')[0] ?? '').trim().toLowerCase();
    if (/boundary=/i.test(gateway) || /boundary=/i.test(ours)) {
      return (
        'the multipart boundary differs: it was generated after signing; ' +
        'build the multipart body first, then sign its exact Content-Type and bytes'
      );
    }
    if (base(gateway) === base(ours)) {
      return (
        'Content-Type parameters differ (e.g. "; charset=UTF-8" added by the HTTP client after signing): ' +
        'set the full value before signing'
      );
    }
  }
  if (name === 'x-sdk-content-sha256') return 'X-Sdk-Content-Sha256 differs: sign the value that is sent';
  if (gateway.trim() === ours.trim() || gateway.replace(/\s+/g, ' ') === ours.replace(/\s+/g, ' ')) {
    return (
      `"${name}" differs in whitespace: the gateway trims leading and trailing spaces and keeps inner ones ` +
      `(docs/sign.md, The algorithm; the Node.js core SDK does not trim)`
    );
  }
  if (gateway.toLowerCase() === ours.toLowerCase())
    return `"${name}" differs in case: header values are signed as sent, never lower-cased`;
  return (
    `every signed header line must be the same (FAQ (2024) §4.7 step 3): ` +
    `"${name}" was changed after signing, or apig was given another value`
  );
}

export function signedHeadersCause(gateway: string, ours: string): string {
  const g = gateway.split(';');
  const o = ours.split(';');
  if ([...g].sort().join(';') === [...o].sort().join(';')) {
    return (
      'SignedHeaders lists the same names in another order: ' +
      'sort lower-case names in byte order (docs/sign.md, The algorithm)'
    );
  }
  return (
    'the signed header names must match the header lines (FAQ (2024) §4.7 step 3, ' +
    'line 7): the client signed another set of headers; compare --signed-headers'
  );
}

/** `declared`: the signed X-Sdk-Content-Sha256 value of apig's canonical request, if any. */
export function payloadCause(gateway: string, ours: string, declared?: string): string {
  if (declared !== undefined && ours === declared && ours !== UNSIGNED && /^[0-9a-f]{64}$/.test(gateway)) {
    return (
      'the signed X-Sdk-Content-Sha256 is not the hash of the body that arrived: a gateway that checks ' +
      "the declared hash (apig serve does) puts the body's own hash here; send exactly the bytes that were hashed"
    );
  }
  if (gateway === UNSIGNED || ours === UNSIGNED) {
    return (
      `only ${gateway === UNSIGNED ? 'the client' : 'apig'} used "X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD" ` +
      `(the core SDKs add it for non-JSON bodies; docs/sign.md, SDK differences): use --unsigned-payload the same way`
    );
  }
  if (!/^[0-9a-f]{64}$/.test(gateway)) {
    return (
      `the gateway's hash "${gateway}" is not 64 lower-case hex characters: it was cut or mistyped when copied ` +
      `(the documents print the empty-body hash with an "f" missing); compare the rest`
    );
  }
  if (gateway === EMPTY_BODY_SHA256) {
    return (
      'the gateway received an empty body but a body was signed: ' +
      'the body was not sent (check that the client sends it, e.g. for GET/DELETE)'
    );
  }
  if (ours === EMPTY_BODY_SHA256) {
    return (
      'the gateway received a body but an empty body was signed: pass it with -d/--data-binary ' +
      '(the APIG JS SDK blanks the body unless POST/PUT/PATCH; docs/sign.md, SDK differences)'
    );
  }
  return (
    'the request body must be the same bytes (FAQ (2024) §4.7 step 3, line 8): ' +
    're-serialised JSON, a trailing newline, CRLF vs LF or another text encoding changes the hash'
  );
}
