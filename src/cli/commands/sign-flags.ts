/** The options of `apig sign` as commander hands them over (sign.ts declares them; the run modules read them). */

export interface SignFlags {
  /** The global --allow-remote-refs, for the workspace --app reads. */
  allowRemoteRefs?: boolean;
  request?: string;
  header: string[];
  data: string[];
  dataBinary?: string;
  key?: string;
  secret?: string;
  app?: string;
  workspace?: string;
  date?: string;
  unsignedPayload?: boolean;
  signedHeaders?: string;
  appcode?: string;
  appSecretHeaders?: boolean;
  basic?: boolean;
  token?: string;
  debug?: boolean;
  json?: boolean;
  send?: boolean;
  /** --send over HTTPS: trust this CA certificate (PEM), e.g. the emulator's own self-signed one. */
  cacert?: string;
  /** --send over HTTPS: do not verify the server's certificate. */
  insecure?: boolean;
  explain?: string;
}
