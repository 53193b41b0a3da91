/** acl-policy --fix: an entry listed twice is removed where it repeats; the policy matches the same addresses. */
import { testFix } from './fix-harness.js';

const ACL = `swagger: "2.0"
info: {title: shop_api, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      responses: {"200": {description: ok}}
      x-apigateway-access-control: office
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
x-apigateway-access-controls:
  office:
    acl-type: PERMIT
    entity-type: IP
    value: "10.0.0.1, 192.168.1.0/24,10.0.0.1, 192.168.1.0/24"   # pasted twice
`;

testFix('acl-policy', [
  {
    name: 'repeated entries',
    before: ACL,
    after: ACL.replace('"10.0.0.1, 192.168.1.0/24,10.0.0.1, 192.168.1.0/24"', '"10.0.0.1, 192.168.1.0/24"'),
    descriptions: ['remove the repeated entries'],
  },
  {
    name: 'a malformed entry is not fixed',
    before: ACL.replace('192.168.1.0/24,10.0.0.1, 192.168.1.0/24', '10.0.0.300'),
    after: ACL.replace('192.168.1.0/24,10.0.0.1, 192.168.1.0/24', '10.0.0.300'),
    remaining: ['10.0.0.300'],
  },
]);
