/**
 * How deviating official clients build the canonical request (signing.md §4.8, §5), plus clients that hash
 * from an unsigned X-Sdk-Content-Sha256 (payload.ts). The verifier's lenient mode tries these after a strict
 * mismatch and names the family that matched.
 */
import { STRICT, type CanonicalOptions } from './canonical.js';

export type ClientVariantId = 'apig-js' | 'core-nodejs' | 'apig-java' | 'apig-js-legacy' | 'unsigned-content-sha256';

export interface ClientVariant {
  id: ClientVariantId;
  /** Plain-words description for warnings. */
  label: string;
  canonical: CanonicalOptions;
  /** §3 step 3 upper-cases the method; the JS clients sign it as given. */
  upperCaseMethod: boolean;
  /** §3 step 8 hashes every body; the APIG JS signers blank it unless POST/PUT/PATCH (vector get-with-body). */
  hashBodyForAllMethods: boolean;
  /**
   * The payload hash comes from `X-Sdk-Content-Sha256` even when SignedHeaders does not list it (§3 step 8 read
   * literally). The strict verifier hashes the body instead (payload.ts).
   */
  payloadFromUnsignedHeader: boolean;
}

export interface StrictVariant extends Omit<ClientVariant, 'id'> {
  id: 'strict';
}

export const STRICT_VARIANT: StrictVariant = {
  id: 'strict',
  label: 'the strict algorithm (APIG Python SDK and the majority of official SDKs; docs/sign.md, The algorithm)',
  canonical: STRICT,
  upperCaseMethod: true,
  hashBodyForAllMethods: true,
  payloadFromUnsignedHeader: false,
};

export const CLIENT_VARIANTS = [
  {
    id: 'apig-js',
    label: 'APIG JavaScript SDK (decodeURI keeps reserved escapes, method as sent, body ignored unless POST/PUT/PATCH)',
    canonical: { ...STRICT, pathDecode: 'decodeURI', queryDecode: 'decodeURI', querySort: 'decodedCodeUnits' },
    upperCaseMethod: false,
    hashBodyForAllMethods: false,
    payloadFromUnsignedHeader: false,
  },
  {
    id: 'core-nodejs',
    label:
      'Huawei Cloud Node.js core SDK (path not decoded, header values untrimmed, header lines in localeCompare order)',
    canonical: {
      ...STRICT,
      pathDecode: 'none',
      querySort: 'decodedCodeUnits',
      trimHeaderValues: false,
      headerLineOrder: 'locale',
    },
    upperCaseMethod: false,
    hashBodyForAllMethods: true,
    payloadFromUnsignedHeader: false,
  },
  {
    id: 'apig-java',
    label: "APIG Java SDK ('+' in the query read as a space, query sorted after encoding)",
    canonical: { ...STRICT, queryDecode: 'form', querySort: 'encoded' },
    upperCaseMethod: true,
    hashBodyForAllMethods: true,
    payloadFromUnsignedHeader: false,
  },
  {
    id: 'apig-js-legacy',
    label: "legacy APIG JavaScript signer (bare 'key' for empty values, joined 'k=v' strings sorted)",
    canonical: { ...STRICT, emptyValue: 'bare', querySort: 'joined' },
    upperCaseMethod: false,
    hashBodyForAllMethods: false,
    payloadFromUnsignedHeader: false,
  },
  {
    id: 'unsigned-content-sha256',
    label:
      'payload hash taken from an X-Sdk-Content-Sha256 header that SignedHeaders does not list ' +
      '(the body must still match a declared hash)',
    canonical: STRICT,
    upperCaseMethod: true,
    hashBodyForAllMethods: true,
    payloadFromUnsignedHeader: true,
  },
] as const satisfies readonly ClientVariant[];

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export function variantMethod(v: Pick<ClientVariant, 'upperCaseMethod'>, method: string): string {
  return v.upperCaseMethod ? method.toUpperCase() : method;
}

export function variantHashesBody(v: Pick<ClientVariant, 'hashBodyForAllMethods'>, method: string): boolean {
  return v.hashBodyForAllMethods || BODY_METHODS.has(method.toUpperCase());
}
