/**
 * HTTP-level restrictions, the first stage (ruling 2). 003 调用限制 lists the request shapes the gateway
 * refuses; their status and code are not documented, so they answer APIG.0201 400 "API request error."
 * (ruling 1). Sizes follow ruling 9: body over `request_body_size` 413, URI over 32 KB 414, one header over
 * 32 KB or all headers over 128 KB 494. Node's parser refuses some of these before a request exists; the
 * server maps those parser errors onto the same answers (transport/server.ts parserFailure).
 */
import { failure } from '../../response/errors.js';
import type { RequestContext } from '../context.js';
import { fail, NEXT, type StageOutcome } from '../stage.js';
import { traceStep } from '../context.js';

/** Spaces and control characters (003 items 4–6). */
const BAD_CHARS = /[\u0000-\u0020\u007f]/;

export function restrictions(ctx: RequestContext): StageOutcome {
  const refuse = (id: Parameters<typeof failure>[0], detail: string): StageOutcome => {
    traceStep(ctx, 'restrictions', 'refused', { reason: detail });
    return fail(failure(id, detail));
  };
  if (ctx.method === 'CONNECT')
    return refuse(
      'METHOD_UNSUPPORTED',
      'the CONNECT method is not allowed (Calling APIs: Request restrictions, item 2)',
    );
  if (BAD_CHARS.test(ctx.url))
    return refuse(
      'REQUEST_INVALID',
      'space or control character in the request line (Calling APIs: Request restrictions, item 4)',
    );
  // A fragment is no part of a request target (RFC 9112 §3.2). Servers differ: some cut the path there, some
  // keep `#` as data, so `/files/..#x` is `..` to one backend and a file name to another. The documents are
  // silent; refusing never says yes where the gateway may say no (docs/serve.md, Paths and values).
  if (ctx.url.includes('#'))
    return refuse(
      'REQUEST_INVALID',
      'a "#" in the request target: a fragment is not part of a request (RFC 9112 §3.2)',
    );
  if (Buffer.byteLength(ctx.url) > ctx.config.limits.uriBytes)
    return refuse('URI_TOO_LARGE', `request URI over ${ctx.config.limits.uriBytes} bytes`);
  const raw = ctx.rawHeaders;
  // A header's size is its line as sent. The transport measures the lines (ctx.head); without that measure,
  // `Name: value` CRLF from what Node hands over (Latin-1, one character per byte), which misses whitespace
  // Node dropped before a value.
  const measured = ctx.head;
  if (measured && measured.longest > ctx.config.limits.headerBytes)
    return refuse('HEADERS_TOO_LARGE', `header ${measured.longestName} over ${ctx.config.limits.headerBytes} bytes`);
  let total = 0;
  let hosts = 0;
  let te = false;
  let cl = false;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    const value = raw[i + 1] as string;
    const size = name.length + value.length + 4;
    if (size > ctx.config.limits.headerBytes)
      return refuse('HEADERS_TOO_LARGE', `header ${name} over ${ctx.config.limits.headerBytes} bytes`);
    total += size;
    if (BAD_CHARS.test(name))
      return refuse(
        'REQUEST_INVALID',
        'space or control character in a header name (Calling APIs: Request restrictions, item 5)',
      );
    // Only three names matter; lower-casing just those keeps this loop cheap.
    const lower = name.length === 4 || name.length === 14 || name.length === 17 ? name.toLowerCase() : '';
    if (lower === 'host') {
      hosts++;
      if (BAD_CHARS.test(value))
        return refuse(
          'REQUEST_INVALID',
          'space or control character in Host (Calling APIs: Request restrictions, item 6)',
        );
    } else if (lower === 'content-length') cl = true;
    else if (lower === 'transfer-encoding') te = true;
  }
  if (measured && measured.total > total) total = measured.total;
  if (total > ctx.config.limits.headersTotalBytes)
    return refuse('HEADERS_TOO_LARGE', `headers over ${ctx.config.limits.headersTotalBytes} bytes in all`);
  if (hosts > 1)
    return refuse('REQUEST_INVALID', 'more than one Host header (Calling APIs: Request restrictions, item 7)');
  // RFC 9112 §3.2: a server must answer 400 to an HTTP/1.1 request without Host (nginx does; Node did, bare).
  if (hosts === 0 && ctx.httpVersion === '1.1')
    return refuse('REQUEST_INVALID', 'an HTTP/1.1 request without Host (RFC 9112 §3.2)');
  if (cl && te)
    return refuse(
      'REQUEST_INVALID',
      'both Content-Length and Transfer-Encoding (Calling APIs: Request restrictions, item 3)',
    );
  if (te && ctx.httpVersion === '1.0')
    return refuse(
      'REQUEST_INVALID',
      'Transfer-Encoding in an HTTP/1.0 request (Calling APIs: Request restrictions, item 1)',
    );
  const length = Number(ctx.headers['content-length'] ?? 0);
  if (length > ctx.config.limits.bodyBytes)
    return refuse(
      'ENTITY_TOO_LARGE',
      `body of ${length} bytes over request_body_size (${ctx.config.limits.bodyBytes} bytes)`,
    );
  traceStep(ctx, 'restrictions', 'passed');
  return NEXT;
}
