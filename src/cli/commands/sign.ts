/**
 * `apig sign [options] <url>`: the options. What the command runs is in sign-run.ts, loaded only when it runs
 * (the signing library stays out of `apig --help`).
 */
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import type { SignFlags } from './sign-flags.js';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function registerSign(program: Command, ctx: CommandContext): void {
  program
    .command('sign')
    .description(
      'sign a request with SDK-HMAC-SHA256 (App auth, IAM AK/SK) like the official SDKs; print, send or explain it',
    )
    .argument('<url>', 'request URL, used verbatim: http(s)://host[:port]/path?query')
    .option('-X, --request <method>', 'HTTP method (default GET, or POST when a body is given)')
    .option('-H, --header <line>', '"Name: value" to send and sign (repeatable)', collect)
    .option('-d, --data <string>', 'body text (repeatable, joined with &); @FILE reads a file verbatim', collect)
    .option('--data-binary <data>', 'body: @FILE, @- for stdin, or text, sent byte for byte')
    .option('--key <key>', 'AppKey or AK (default: from --app, else $APIG_KEY)')
    .option(
      '--secret <secret>',
      'AppSecret or SK (default: from --app, else $APIG_SECRET; the variable stays out of shell history)',
    )
    .option('--app <name>', 'take key and secret from this app (or IAM AK/SK, by AK or user) of the workspace')
    .option('-w, --workspace <file>', 'workspace for --app (default: apig.yaml here or in a parent folder)')
    .option('--date <YYYYMMDDTHHMMSSZ>', 'X-Sdk-Date to sign, in UTC (default: now)')
    .option('--unsigned-payload', 'sign X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD instead of the body hash')
    .option(
      '--signed-headers <names>',
      'exactly these headers are signed, e.g. "host;x-sdk-date" (default: every -H header, host, x-sdk-date)',
    )
    .option('--appcode <code>', 'simple authentication: X-Apig-AppCode instead of a signature')
    .option('--app-secret-headers', 'app_secret authentication: X-HW-ID and X-HW-AppKey headers')
    .option('--basic', 'app_basic authentication: Authorization: Basic base64(key:secret)')
    .option('--token <token>', 'IAM token authentication: X-Auth-Token')
    .option('--debug', 'print canonicalRequest, stringToSign, authorization and a curl command')
    .option('--json', 'print the result as JSON')
    .option('--send', 'send the signed request and print status, headers and body')
    .option('--cacert <file>', "with --send over HTTPS: trust this CA certificate (PEM), e.g. apig serve's own")
    .option('-k, --insecure', "with --send over HTTPS: do not verify the server's certificate")
    .option(
      '--explain <text>',
      'diagnose a gateway error (body, error_msg or canonical request; @FILE or - for stdin) against this request',
    )
    .addHelpText(
      'after',
      `
Examples:
  APIG_KEY=... APIG_SECRET=... apig sign --debug https://api.example.com/v1/orders?limit=10
  apig sign -X POST -H 'Content-Type: application/json' -d '{"qty":1}' --send https://api.example.com/v1/orders
  apig sign --explain @error.json https://api.example.com/v1/orders`,
    )
    .action(async (url: string, flags: Omit<SignFlags, 'header' | 'data'> & { header?: string[]; data?: string[] }) => {
      const { runSignJson } = await import('./sign-run.js');
      await runSignJson(
        url,
        { ...flags, header: flags.header ?? [], data: flags.data ?? [], allowRemoteRefs: ctx.allowRemoteRefs },
        ctx,
      );
    });
}
