/**
 * Issue 15, "Importing what people have": the User Guide's own import examples (page "Importing APIs": one
 * Swagger 2.0 and one OpenAPI 3.0 example per backend type, fixtures/huawei-docs/importing-apis/) and a console
 * export (fixtures/oas3/otc-export.yaml) import. Each is linted (no errors; each finding listed and justified
 * below), imported into a new `apig init` workspace (the group file holds the example key for key), checked with
 * `apig export --check` (nothing lost), and served: each API gets one request without credentials (refused as
 * documented) and one with the workspace's credentials, which reaches the example's own backend.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, buildConnector } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { signRequest } from '../../src/sign/index.js';
import { ROOT, runCli } from './run-cli.js';
import { type Backend, call, type InProcess, type Reply, startBackend, startGateway, until } from './serve-helpers.js';

const FIXTURES = join(ROOT, 'fixtures');

/**
 * The findings `apig lint` gives each example (none is an error), and why each is right about the example:
 * - cors-preflight (warn): the examples turn CORS on for APIs a browser preflights (IAM or APP headers, method
 *   ANY) but define no OPTIONS API for the preflight, which User Guide §5.2.2 asks for; a browser's preflight
 *   would find no API.
 * - function-backend (warn): the function example's URN is the placeholder "your function urn address".
 * - response-key (info): the OpenAPI examples answer `default-cors`, the console's own response key; noted and kept.
 */
const CORS = 'cors-preflight:warn';
const PLACEHOLDER_URN = 'function-backend:warn';
const DEFAULT_CORS = 'response-key:info';

/** What the served examples are called with: the workspace's IAM token and app (added to apig.yaml below). */
const TOKEN = 'token-alice-value';
const APP = { key: 'caller-key', secret: 'caller-secret-value' };
const FUNCTION_URN = 'your function urn address';

interface Served {
  gw: InProcess;
  /** The example's own domain, which its group binds (a workspace of two groups is reached by their domains). */
  host: string;
  backend: Backend;
  /** host:port of every connection the gateway opened to a backend. */
  connections: string[];
  dir: string;
}

interface Example {
  file: string;
  /** info.title: the group the example creates. */
  group: string;
  findings: string[];
  /** What apig.yaml needs to serve the example, beside the group (credentials, VPC channel, function module). */
  serveConfig: (backendPort: number) => string;
  serve: (s: Served) => Promise<void>;
}

const iamConfig = `iam:\n  tokens:\n    - { token: ${TOKEN}, user: alice, domain: acme }\n`;
const appConfig = `apps:\n  - { name: caller, key: ${APP.key}, secret: ${APP.secret}, authorize: { RELEASE: ["*"] } }\n`;

const get = (s: Served, path: string, headers: Record<string, string> = {}): Promise<Reply> =>
  call(`${s.gw.url}${path}`, { headers: { Host: s.host, ...headers } });

/** The APIG error code of an answer. */
const errorCode = (r: Reply): unknown => r.json().error_code;

/** HTTP + IAM: GET /http/{userId} → http://example.com/users?userId=..., with X-Invoke-User: apigateway. */
async function serveHttpIam(s: Served): Promise<void> {
  const refused = await get(s, '/http/alice', { test: 't' });
  expect([refused.status, errorCode(refused)]).toEqual([401, 'APIG.0301']);
  const r = await get(s, '/http/alice', { test: 't', 'X-Auth-Token': TOKEN });
  expect(r.status, r.text).toBe(200);
  // The documented backend, example.com on port 80 (the test's connector brings the connection to a local echo).
  expect(s.connections).toEqual(['example.com:80']);
  const seen = s.backend.seen.at(-1);
  expect(seen?.method).toBe('GET');
  expect(seen?.url).toBe('/users?userId=alice');
  expect(seen?.headers.host).toBe('example.com');
  expect(seen?.headers['x-invoke-user']).toBe('apigateway');
}

/** HTTP-VPC + APP, any method, prefix match: /http-vpc... → the VPC channel userVpc, GET /users. */
async function serveHttpVpcApp(s: Served): Promise<void> {
  const refused = await call(`${s.gw.url}/http-vpc/orders`, { method: 'DELETE', headers: { Host: s.host } });
  expect([refused.status, errorCode(refused)]).toEqual([401, 'APIG.0303']);
  const signed = signRequest({ method: 'DELETE', url: `http://${s.host}/http-vpc/orders`, ...APP, now: new Date() });
  const r = await call(`${s.gw.url}/http-vpc/orders`, {
    method: 'DELETE',
    headers: Object.fromEntries(signed.headers),
  });
  expect(r.status, r.text).toBe(200);
  expect(s.connections).toEqual([`127.0.0.1:${s.backend.port}`]);
  const seen = s.backend.seen.at(-1);
  expect(seen?.method).toBe('GET');
  expect(seen?.url).toBe('/users/orders');
  expect(seen?.headers['x-invoke-user']).toBe('apigateway');
}

/** FUNCTION + IAM, invoked asynchronously: 202 at once, the function gets functionName=... and X-Invoke-User. */
async function serveFunctionIam(s: Served): Promise<void> {
  const refused = await get(s, '/function/hello', { test: 't' });
  expect([refused.status, errorCode(refused)]).toEqual([401, 'APIG.0301']);
  const r = await get(s, '/function/hello', { test: 't', 'X-Auth-Token': TOKEN });
  expect(r.status, r.text).toBe(202);
  expect(Object.keys(r.json())).toEqual(['request_id']);
  const out = join(s.dir, 'function-event.json');
  const event = JSON.parse(await until(() => (existsSync(out) ? readFileSync(out, 'utf8') : ''), Boolean, out)) as {
    queryStringParameters: Record<string, string>;
    headers: Record<string, string>;
  };
  expect(event.queryStringParameters.functionName).toBe('hello');
  expect(event.headers['x-invoke-user']).toBe('apigateway');
}

/** MOCK, no authentication: the documented body, with the CORS header. */
async function serveMock(s: Served): Promise<void> {
  const r = await get(s, '/mock', { Origin: 'http://www.cors.com' });
  expect(r.status).toBe(200);
  expect(r.text).toBe('{"message": "mocked"}');
  expect(r.headers['access-control-allow-origin']).toBe('*');
}

const vpcConfig = (port: number): string =>
  `vpcChannels:\n  - { name: userVpc, port: ${port}, algorithm: WRR, members: [{ host: 127.0.0.1, weight: 1 }] }\n`;
const functionConfig = `functions:\n  "${FUNCTION_URN}": ./function.mjs\n`;

const HTTP_IAM = { group: 'importHttpEndpoint10', serveConfig: () => iamConfig, serve: serveHttpIam };
const HTTP_VPC_APP = {
  group: 'importHttpVpcEndpoint',
  serveConfig: (port: number) => appConfig + vpcConfig(port),
  serve: serveHttpVpcApp,
};
const FUNCTION_IAM = { serveConfig: () => iamConfig + functionConfig, serve: serveFunctionIam };
const MOCK = { serveConfig: () => '', serve: serveMock };
const PAGE = 'huawei-docs/importing-apis';

const EXAMPLES: Example[] = [
  { file: `${PAGE}/http-iam.swagger.yaml`, findings: [CORS], ...HTTP_IAM },
  { file: `${PAGE}/http-iam.openapi.yaml`, findings: [DEFAULT_CORS, CORS], ...HTTP_IAM },
  { file: `${PAGE}/http-vpc-app.swagger.yaml`, findings: [CORS], ...HTTP_VPC_APP },
  { file: `${PAGE}/http-vpc-app.openapi.yaml`, findings: [DEFAULT_CORS, CORS], ...HTTP_VPC_APP },
  {
    file: `${PAGE}/function-iam.swagger.yaml`,
    group: 'importFunctionEndpoint',
    findings: [CORS, PLACEHOLDER_URN],
    ...FUNCTION_IAM,
  },
  {
    file: `${PAGE}/function-iam.openapi.yaml`,
    // The page titles this example importHttpEndpoint (a copy of the HTTP example's title).
    group: 'importHttpEndpoint',
    findings: [DEFAULT_CORS, PLACEHOLDER_URN, CORS],
    ...FUNCTION_IAM,
  },
  { file: `${PAGE}/mock-none.swagger.yaml`, group: 'importMockEndpoint', findings: [], ...MOCK },
  // The page titles this example importHttpVpcEndpoint (a copy of the HTTP VPC example's title).
  { file: `${PAGE}/mock-none.openapi.yaml`, group: 'importHttpVpcEndpoint', findings: [DEFAULT_CORS], ...MOCK },
  // A console export (OpenAPI 3.0) of the HTTP example: default-cors beside "200", by $ref.
  { file: 'oas3/otc-export.yaml', findings: [DEFAULT_CORS, CORS], ...HTTP_IAM },
];

/** code:severity of every finding, in order. */
async function findings(args: string[], cwd?: string): Promise<{ code: number; found: string[] }> {
  const r = await runCli(['lint', ...args, '--format', 'json'], cwd === undefined ? {} : { cwd });
  const { results } = JSON.parse(r.stdout) as { results: { code: string; severity: string }[] };
  return { code: r.code, found: results.map((x) => `${x.code}:${x.severity}`) };
}

/** The example's own host: Swagger's `host`, or the host of OpenAPI's first server. */
function documentedHost(doc: Record<string, unknown>): string {
  if (typeof doc.host === 'string') return doc.host;
  const [first] = doc.servers as Array<{ url: string }>;
  return new URL(String(first?.url)).host;
}

describe.each(EXAMPLES)("the User Guide's import example $file", (example) => {
  const source = join(FIXTURES, example.file);
  const original = parse(readFileSync(source, 'utf8')) as Record<string, unknown>;
  let dir = '';
  let ws = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'apig-importing-apis-'));
    ws = join(dir, 'shop');
    const init = await runCli(['init', 'shop', '--template', 'mock', '--yes'], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
  });

  it('lints without errors', async () => {
    expect(await findings([source])).toEqual({ code: 0, found: example.findings });
  });

  it('imports into a new group of an apig init workspace, key for key', async () => {
    const r = await runCli(['import', source, '-w', 'shop'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`imported 1 API(s) into new group ${example.group}`);
    expect(r.stderr).not.toMatch(/warn|error/);
    const written = parse(readFileSync(join(ws, `${example.group}.yaml`), 'utf8')) as unknown;
    expect(JSON.stringify(written)).toBe(JSON.stringify(original));
  });

  it('exports losslessly, the example itself and the imported group', async () => {
    const itself = await runCli(['export', '--check', source]);
    expect(itself.stdout).toContain('nothing is lost');
    expect(itself.code).toBe(0);
    const imported = await runCli(['export', '--check', '--group', example.group], { cwd: ws });
    expect(imported.stdout).toContain('nothing is lost');
    expect(imported.code).toBe(0);
  });

  describe('served', () => {
    let served: Served;
    let dispatcher: Agent;
    beforeAll(async () => {
      const backend = await startBackend('documented-backend');
      const host = documentedHost(original);
      // The workspace as a user completes it to serve the example: the group bound to the example's domain, the
      // credentials its callers use, and the VPC channel or function module its backend names.
      const file = join(ws, 'apig.yaml');
      const spec = `    spec: ${example.group}.yaml\n`;
      const text = readFileSync(file, 'utf8').replace(spec, `${spec}    domains: [${host}]\n`);
      writeFileSync(file, text + example.serveConfig(backend.port));
      writeFileSync(
        join(ws, 'function.mjs'),
        "import { writeFileSync } from 'node:fs';\n" +
          `export function handler(event) { writeFileSync(${JSON.stringify(join(dir, 'function-event.json'))}, ` +
          'JSON.stringify(event)); return { statusCode: 200, body: "done" }; }\n',
      );
      // Every backend connection goes to the local backend; the host and port the gateway asked for are kept.
      // The examples' APIs take HTTPS (`schemes: [https]`); the gateway here listens on plain HTTP, with the
      // request protocol check off, as for the other served examples (startGateway).
      const connections: string[] = [];
      const connect = buildConnector({});
      dispatcher = new Agent({
        connect: (options, callback) => {
          const port = options.port || (options.protocol === 'https:' ? '443' : '80');
          connections.push(`${options.hostname}:${port}`);
          connect({ ...options, protocol: 'http:', hostname: '127.0.0.1', port: String(backend.port) }, callback);
        },
      });
      const gw = await startGateway(file, undefined, { dispatcher });
      served = { gw, host, backend, connections, dir };
    });
    afterAll(async () => {
      await served?.gw.close();
      await served?.backend.close();
      await dispatcher?.close();
    });

    it('the completed workspace lints as the example does', async () => {
      const r = await findings([], ws);
      expect(r.found.filter((f) => !example.findings.includes(f))).toEqual([]);
      expect(r.code).toBe(0);
    });

    it('answers as documented', async () => {
      await example.serve(served);
    });
  });
});
