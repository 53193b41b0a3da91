/**
 * Rules whose checks run while a file is read (src/oas/validate.ts, src/workspace/load.ts): the JSON Schema of
 * every extension, unknown and misplaced extensions, the Swagger schema and its semantic checks, $refs, unset
 * secrets. The loader's diagnostic codes are their ids.
 */
import type { LoaderCode } from '../core/diagnostic.js';
import type { RuleId } from './rule-ids.js';
import type { RuleMeta } from './types.js';

export const LOADER_RULES = {
  parse: {
    id: 'parse',
    category: 'schema',
    description:
      'Each file is YAML or JSON and holds a Swagger 2.0 or OpenAPI 3.0 document (apig.yaml: a YAML mapping).',
    source:
      'User Guide §5.2.8 "Importing APIs" (the console imports Swagger 2.0 and OpenAPI 3.0 files, in YAML or JSON)',
    rationale:
      'A file that does not parse cannot be imported at all, and no other rule can look at it: ' +
      'the finding names the first place the parser stopped (line and column). This rule cannot be turned off ' +
      'or lowered: a file apig cannot read is never a clean result.',
  },
  'workspace-schema': {
    id: 'workspace-schema',
    category: 'workspace',
    description: 'apig.yaml matches its schema (schemas/workspace.json): known sections, value types, required fields.',
    source: "apig's own workspace file: docs/authoring.md",
    rationale:
      'A misspelt section or a value of the wrong type in apig.yaml would be ignored or misread; ' +
      'apig refuses to serve, import into or publish such a workspace, and names each place.',
  },
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
      'The document is valid Swagger 2.0 / OpenAPI 3.0 (the schema and the semantic checks: unique operationIds, ' +
      'declared path parameters...), apart from the documented APIG variants.',
    source:
      'User Guide §5.2.8 "Importing APIs"; User Guide (online), ' +
      '"Restrictions and Compatibility" of importing APIs (the standard Swagger fields as APIG reads them)',
    rationale: 'The console validates Swagger before it reads the extensions.',
    fix:
      'A path parameter without `required: true` gets it (where the parameter is defined: a shared one that a ' +
      '`$ref` names is fixed once). A `{name}` of the path that no parameter declares is declared on the operation ' +
      'as `apig add api` declares it: `{name: id, in: path, required: true, type: string}` (OpenAPI 3.0: ' +
      '`schema: {type: string}`); not when a path parameter of the operation names no `{name}` of the path (that ' +
      'one is probably the name meant). The other findings of this rule need a person to choose.',
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

/** Every code the loader reports is a rule id (none vanish, none is named twice): checked here by the compiler. */
export type LoaderCodeIsRuleId = [LoaderCode] extends [RuleId] ? true : never;
export const LOADER_CODES_ARE_RULE_IDS: LoaderCodeIsRuleId = true;
