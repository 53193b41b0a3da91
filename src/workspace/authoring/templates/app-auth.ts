import { secretVariableOf } from '../workspace-edits.js';
import { WORKSPACE_HEADER, yamlString, type Rendered, type TemplateInput } from './types.js';

export function appAuthTemplate(t: TemplateInput): Rendered {
  const secretVariable = secretVariableOf(t.app);
  const workspace = `${WORKSPACE_HEADER}groups:
  - name: ${yamlString(t.group)}
    spec: ${yamlString(t.specFile)}
apps:
  - name: ${yamlString(t.app)}
    key: ${yamlString(t.appKey)}
    secret: \${${secretVariable}}   # set ${secretVariable} in your environment; keep secrets out of git
    authorize: { RELEASE: ["*"] }
`;
  const group = `swagger: "2.0"
info:
  title: ${yamlString(t.group)}
  description: Created by apig init (app-auth template)
  version: "1.0"
paths:
  /orders:
    get:
      operationId: listOrders
      description: Callers sign with an authorized app's key and secret; throttled by perApp
      security:
        - apig-auth-app: []
      responses:
        "200":
          description: the orders
      x-apigateway-request-type: public
      x-apigateway-match-mode: NORMAL
      x-apigateway-ratelimit: perApp
      x-apigateway-backend:
        type: MOCK
        mockEndpoints:
          result-content: '{"orders": []}'
securityDefinitions:
  apig-auth-app:
    type: apiKey
    name: Authorization
    in: header
    x-apigateway-auth-type: AppSigv1
x-apigateway-ratelimits:
  perApp:
    api-limit: 100   # requests per interval for the API as a whole
    app-limit: 10    # requests per interval for each app
    interval: 1
    unit: MINUTE
`;
  return { workspace, group, call: { method: 'GET', path: '/orders' } };
}
