/**
 * Rules whose checks run while a file is read (src/oas/validate.ts, src/workspace/load.ts): the JSON Schema of
 * every extension, unknown and misplaced extensions, swagger-parser, $refs, unset secrets. The loader's
 * diagnostic codes map onto them.
 */
import type { LoaderCode } from '../core/diagnostic.js';
import type { RuleId } from './rule-ids.js';
import type { RuleMeta } from './types.js';

export const LOADER_RULES = {
  'extension-schema': {
    id: 'extension-schema',
    category: 'schema',
    description: 'Every x-apigateway-* value matches its JSON Schema (types, enums, required fields).',
    source:
      'Extension Definitions (one page per x-apigateway-* extension: ' +
      "its fields, types and values); apig's schemas: schemas/extensions/*.json",
    rationale:
      'The console refuses an import whose extensions have the wrong type, ' +
      'an unknown enum value or a missing required field. The schemas accept the documented variants.',
  },
  'unknown-extension': {
    id: 'unknown-extension',
    category: 'schema',
    description: 'x-apigateway-* names are among the 34 documented extensions; a typo gets "did you mean ...?".',
    source: "Extension Definitions, the chapter's index page (the list of extensions)",
    rationale:
      'An unknown extension is ignored by the gateway: ' +
      'a misspelt x-apigateway-ratelimit silently leaves the API unthrottled.',
  },
  'misplaced-extension': {
    id: 'misplaced-extension',
    category: 'schema',
    description:
      'Each extension stands where the documentation places it (operation, ' +
      'root, security scheme, parameter, response).',
    source:
      'Extension Definitions (where each page places its extension); ' +
      'where they leave it open, docs/rulings.md "Swagger placement gaps"',
    rationale: 'An extension in the wrong place has no effect, e.g. x-apigateway-cors at the document root.',
  },
  'swagger-schema': {
    id: 'swagger-schema',
    category: 'schema',
    description:
      'The document is valid Swagger 2.0 / OpenAPI 3.0 (swagger-parser), apart from the documented APIG variants.',
    source:
      'User Guide §5.2.8 "Importing APIs"; User Guide (online), ' +
      '"Restrictions and Compatibility" of importing APIs (the standard Swagger fields as APIG reads them)',
    rationale: 'The console validates Swagger before it reads the extensions.',
  },
  'ref-resolution': {
    id: 'ref-resolution',
    category: 'schema',
    description: '$refs resolve inside the document, without cycles, URLs or other files.',
    source: 'docs/import-export.md (apig works offline and inside the workspace)',
    rationale: 'A $ref apig cannot resolve offline makes the file impossible to import reliably.',
  },
  'response-key': {
    id: 'response-key',
    category: 'schema',
    description: 'Response keys are status codes or "default" (console exports write default-cors).',
    source: 'User Guide (online), "Importing APIs": the documented import examples (OpenAPI 3.0 exports)',
    rationale: 'Other tools reject keys like default-cors; apig accepts and keeps them.',
  },
  'unset-secret': {
    id: 'unset-secret',
    category: 'workspace',
    description:
      'Every secret in apig.yaml (AppSecret, AppCode, IAM token and SK, signature-key secret) has a value: ' +
      'its ${ENV_VAR} is written as one whole ${NAME}, set and not empty.',
    source:
      'API Gateway User Guide, 6.1.1 "Creating an App and Getting Authorized", ' +
      '6.1.4 "Adding an AppCode for Simple Authentication", 5.6.1 "Creating and Using a Signature Key"; ' +
      'apig\'s choice for unset variables: docs/serve.md "Unset secrets and bounded state"',
    rationale:
      'A secret whose environment variable is unset or empty is unusable: apig serve matches no credential against ' +
      'it (never an empty one) and refuses to sign backend calls with it (APIG.0705), apig sign --app refuses it, ' +
      'and apig serve --strict does not start. So is one written like a variable but not as one whole ${NAME} ' +
      '($NAME, ${ NAME }, prefix-${NAME}): taken literally, it would be a secret anyone reading apig.yaml knows. ' +
      'Set the variable, write the reference as ${NAME}, or remove the entry.',
  },
  'lint-disable': {
    id: 'lint-disable',
    category: 'schema',
    description: 'x-apig-lint-disable entries name a rule and give a reason.',
    source:
      "apig's own convention: inline suppression with a mandatory reason, " +
      'as linters such as Spectral and Redocly offer it',
    rationale: 'A suppression without a reason cannot be reviewed; one naming no known rule suppresses nothing.',
  },
} as const satisfies { [Id in RuleId]?: RuleMeta & { id: Id } };

export type LoaderRuleId = keyof typeof LOADER_RULES;

/** Loader diagnostic code → rule id: every code the loader can report is some rule's finding (none vanish). */
export const LOADER_RULE_OF = {
  schema: 'extension-schema',
  'unknown-extension': 'unknown-extension',
  'misplaced-extension': 'misplaced-extension',
  swagger: 'swagger-schema',
  ref: 'ref-resolution',
  'ref-cycle': 'ref-resolution',
  'too-deep': 'ref-resolution',
  'response-key': 'response-key',
  'missing-env': 'unset-secret',
  'empty-secret': 'unset-secret',
} as const satisfies Record<LoaderCode, LoaderRuleId>;
