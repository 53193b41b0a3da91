import { WORKSPACE_HEADER, yamlString, type Rendered, type TemplateInput } from './types.js';

export function httpTemplate(t: TemplateInput): Rendered {
  const workspace = `${WORKSPACE_HEADER}groups:
  - name: ${yamlString(t.group)}
    spec: ${yamlString(t.specFile)}
environments:
  # Without a publish: map every API is published to RELEASE, so its variables are the ones used.
  RELEASE:
    variables:
      backend: ${JSON.stringify(t.backend)}   # host:port of your backend, used as #backend# in ${t.specFile}
`;
  const group = `swagger: "2.0"
info:
  title: ${yamlString(t.group)}
  description: Created by apig init (http template)
  version: "1.0"
paths:
  /users/{userId}:
    get:
      operationId: getUser
      description: "Forwarded to the backend named by the environment variable #backend#"
      parameters:
        - name: userId
          in: path
          type: string
          required: true
      responses:
        "200":
          description: the user
      x-apigateway-request-type: public
      x-apigateway-match-mode: NORMAL
      x-apigateway-backend:
        type: HTTP
        httpEndpoints:
          address: "#backend#"
          scheme: http
          method: GET
          path: /users/{userId}
          timeout: 5000
`;
  return { workspace, group, call: { method: 'GET', path: '/users/1' } };
}
