import { WORKSPACE_HEADER, yamlString, type Rendered, type TemplateInput } from './types.js';

export function mockTemplate(t: TemplateInput): Rendered {
  const workspace = `${WORKSPACE_HEADER}groups:
  - name: ${yamlString(t.group)}
    spec: ${yamlString(t.specFile)}
`;
  const group = `swagger: "2.0"
info:
  title: ${yamlString(t.group)}
  description: Created by apig init (mock template)
  version: "1.0"
paths:
  /hello:
    get:
      operationId: hello
      description: A mock API that answers right away; no backend to run
      responses:
        "200":
          description: the greeting
      x-apigateway-request-type: public
      x-apigateway-match-mode: NORMAL
      x-apigateway-backend:
        type: MOCK
        mockEndpoints:
          result-content: '{"message": "hello from apig"}'
`;
  return { workspace, group, call: { method: 'GET', path: '/hello' } };
}
