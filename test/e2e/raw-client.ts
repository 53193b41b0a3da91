/** A raw HTTP client in a process of its own, for what only shows between two processes (resets, EPIPE). */
import { spawn } from 'node:child_process';

/**
 * Opens `count` connections one after another from a separate Node process, as a real client is (in this
 * process the client's reads and writes interleave with the server's, and a reset never beats the answer).
 * Each writes a POST to `path` (with `extra` header lines) and `bytes` of body at once, by Content-Length or
 * chunked, and reports the status line it received, or its socket error.
 */
export function clientProcess(
  port: number,
  count: number,
  path: string,
  framing: 'length' | 'chunked',
  extra: string,
  bytes: number,
): Promise<string[]> {
  const script = `
    import { connect } from 'node:net';
    const body = Buffer.alloc(${bytes}, 'z');
    const request = ${framing === 'chunked'}
      ? Buffer.concat([Buffer.from('POST ${path} HTTP/1.1\\r\\nHost: a\\r\\n${extra}Transfer-Encoding: chunked\\r\\n\\r\\n' + body.length.toString(16) + '\\r\\n'), body, Buffer.from('\\r\\n0\\r\\n\\r\\n')])
      : Buffer.concat([Buffer.from('POST ${path} HTTP/1.1\\r\\nHost: a\\r\\n${extra}Content-Length: ' + body.length + '\\r\\n\\r\\n'), body]);
    for (let i = 0; i < ${count}; i++) {
      const line = await new Promise((resolve) => {
        const s = connect(${port}, '127.0.0.1');
        const chunks = [];
        let error = 'no answer';
        s.on('data', (c) => chunks.push(c));
        s.on('error', (e) => { error = e.code; });
        s.on('close', () => resolve(chunks.length > 0 ? Buffer.concat(chunks).toString('latin1').slice(0, 12) : error));
        s.write(request);
      });
      console.log(line);
    }`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', () => resolve(out.split('\n').filter((l) => l !== '')));
  });
}
