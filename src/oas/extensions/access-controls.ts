/** x-apigateway-access-controls (root map) and x-apigateway-access-control (reference), x-apigateway.md §12-13. */
import { ACL_ENTITY_TYPES, ACL_TYPES, type AclPolicy } from '../../core/model.js';
import { csv, oneOf } from '../codec.js';
import { object, req } from '../object-codec.js';

export const aclPolicy = object<Omit<AclPolicy, 'name'>>(
  {
    aclType: req('acl-type', oneOf(ACL_TYPES)),
    entityType: req('entity-type', oneOf(ACL_ENTITY_TYPES)),
    values: req('value', csv),
  },
  { name: 'access control policy' },
);
