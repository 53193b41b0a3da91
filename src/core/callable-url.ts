/**
 * The gateway's `http://ADDRESS:PORT` with a wildcard listening address (every interface) as the loopback one,
 * which a client on this machine can call. In the kernel: the command line prints it at start-up without loading
 * the gateway.
 */
export function callableUrl(listening: string): string {
  return listening.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//[::1]:');
}
