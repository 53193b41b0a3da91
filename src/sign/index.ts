/**
 * SDK-HMAC-SHA256 for Huawei Cloud APIG (App auth and IAM AK/SK): sign, verify, explain.
 * Pure functions returning data; nothing here prints (STYLE habit 8).
 */
export {
  signRequest,
  UNSIGNED_PAYLOAD,
  DATE_HEADER,
  CONTENT_SHA256_HEADER,
  type SignInput,
  type SignTrace,
} from './sign.js';
export { formatAuthorization, parseAuthorization, ALGORITHM, type ParsedAuthorization } from './authorization.js';
export {
  STRICT,
  canonicalUri,
  canonicalQuery,
  canonicalHeaders,
  joinCanonicalRequest,
  stringToSign,
  sortSignedNames,
  type CanonicalOptions,
  type CanonicalParts,
} from './canonical.js';
export { encodeUnreserved, decodePercent, compareCodePoints } from './percent.js';
export { sha256Hex, hmacSha256Hex, signaturesEqual, EMPTY_BODY_SHA256 } from './digest.js';
export { HeaderBag, trimOws, type HeaderInput, type HeaderField } from './headers.js';
export { parseRawUrl, type RawUrl } from './raw-url.js';
export { formatSdkDate, parseSdkDate, formatSkew, SDK_DATE_PATTERN } from './sdk-date.js';
export { wirePath, requestTarget } from './wire.js';
export {
  verifySignature,
  receivedCanonicalRequest,
  splitRequestTarget,
  type ReceivedRequest,
  type VerifyOptions,
  type VerifyResult,
} from './verify.js';
export {
  AUTH_ERROR_CODE,
  failureDetail,
  failureMessage,
  pipeJoined,
  type AuthKind,
  type AuthErrorCode,
  type VerifyFailure,
  type FailureFacts,
} from './gateway-messages.js';
export { CLIENT_VARIANTS, STRICT_VARIANT, type ClientVariant, type ClientVariantId } from './variants.js';
export { verifyNeedsBody, signsContentSha } from './payload.js';
export {
  explainGatewayError,
  diffCanonical,
  type Explanation,
  type ExplainLine,
  type ExplainPart,
  type ClockSkew,
  type LocalClock,
  type ExplainOptions,
} from './explain.js';
export {
  parseGatewayText,
  parseCanonicalLines,
  canonicalFromText,
  type GatewayReport,
  type CanonicalLines,
} from './explain-parse.js';
export {
  appCodeHeaders,
  appSecretHeaders,
  basicHeaders,
  tokenHeaders,
  maskHeaders,
  type AuthMode,
  type ModeHeaders,
} from './modes.js';
export { curlCommand, shellQuote, type CurlInput, type CurlBody } from './curl.js';
export { parseHeaderLine } from './header-line.js';
export { maskSecret } from '../core/mask.js';
