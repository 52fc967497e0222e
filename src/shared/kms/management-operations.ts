// The key-management operations beyond the console's (KMS-API-2.md §4–§8): names, tags,
// rotation, grants, quotas. KMS_OPERATIONS spreads this table; KMS_REST_ROUTES says which of
// them are not `POST /kms/<name>` but another method or a path with parameters.
import {
  batchKmsTagsRequestSchema,
  createKmsTagRequestSchema,
  deleteKmsTagRequestSchema,
  listKmsByTagsRequestSchema,
  listKmsByTagsResponseSchema,
  listKmsTagsRequestSchema,
  listKmsTagsResponseSchema,
  showKmsTagsRequestSchema,
  showKmsTagsResponseSchema,
} from './tags';
import {
  createGrantRequestSchema,
  createGrantResponseSchema,
  grantIdRequestSchema,
  listGrantsRequestSchema,
  listGrantsResponseSchema,
  listRetirableGrantsRequestSchema,
} from './grants';
import {
  aliasEntitySchema,
  associateAliasRequestSchema,
  createAliasRequestSchema,
  deleteAliasRequestSchema,
  emptyObjectSchema,
  listAliasesRequestSchema,
  listAliasesResponseSchema,
  noContentSchema,
  updateKeyAliasRequestSchema,
  updateKeyAliasResponseSchema,
  updateKeyDescriptionRequestSchema,
  updateKeyDescriptionResponseSchema,
} from './names';
import {
  keyRotationRequestSchema,
  keyRotationStatusResponseSchema,
  rotateOnDemandResponseSchema,
  updateKeyRotationIntervalRequestSchema,
} from './rotation';
import {
  userInstancesRequestSchema,
  userInstancesResponseSchema,
  userQuotasRequestSchema,
  userQuotasResponseSchema,
} from './service-info';

import { wireOperation } from './wire-operation';
export const MANAGEMENT_OPERATIONS = {
  'create-alias': wireOperation(createAliasRequestSchema, aliasEntitySchema),
  'list-aliases': wireOperation(listAliasesRequestSchema, listAliasesResponseSchema),
  'delete-alias': wireOperation(deleteAliasRequestSchema, noContentSchema),
  'associate-alias': wireOperation(associateAliasRequestSchema, aliasEntitySchema),
  'update-key-alias': wireOperation(updateKeyAliasRequestSchema, updateKeyAliasResponseSchema),
  'update-key-description': wireOperation(
    updateKeyDescriptionRequestSchema,
    updateKeyDescriptionResponseSchema,
  ),
  'create-kms-tag': wireOperation(createKmsTagRequestSchema, noContentSchema),
  'delete-kms-tag': wireOperation(deleteKmsTagRequestSchema, noContentSchema),
  'batch-kms-tags': wireOperation(batchKmsTagsRequestSchema, noContentSchema),
  'show-kms-tags': wireOperation(showKmsTagsRequestSchema, showKmsTagsResponseSchema),
  'list-kms-tags': wireOperation(listKmsTagsRequestSchema, listKmsTagsResponseSchema),
  'list-kms-by-tags': wireOperation(listKmsByTagsRequestSchema, listKmsByTagsResponseSchema),
  'enable-key-rotation': wireOperation(keyRotationRequestSchema, emptyObjectSchema),
  'disable-key-rotation': wireOperation(keyRotationRequestSchema, emptyObjectSchema),
  'update-key-rotation-interval': wireOperation(
    updateKeyRotationIntervalRequestSchema,
    emptyObjectSchema,
  ),
  'get-key-rotation-status': wireOperation(
    keyRotationRequestSchema,
    keyRotationStatusResponseSchema,
  ),
  'rotate-on-demand': wireOperation(keyRotationRequestSchema, rotateOnDemandResponseSchema),
  'create-grant': wireOperation(createGrantRequestSchema, createGrantResponseSchema),
  'list-grants': wireOperation(listGrantsRequestSchema, listGrantsResponseSchema),
  'list-retirable-grants': wireOperation(
    listRetirableGrantsRequestSchema,
    listGrantsResponseSchema,
  ),
  'revoke-grant': wireOperation(grantIdRequestSchema, emptyObjectSchema),
  'retire-grant': wireOperation(grantIdRequestSchema, emptyObjectSchema),
  'show-user-quotas': wireOperation(userQuotasRequestSchema, userQuotasResponseSchema),
  'show-user-instances': wireOperation(userInstancesRequestSchema, userInstancesResponseSchema),
} as const;

export type ManagementOperation = keyof typeof MANAGEMENT_OPERATIONS;

export interface KmsRestRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** After `/v1.0/{project_id}/kms/`; `{name}` segments become request fields. */
  path: string;
  operation: ManagementOperation;
  status: 200 | 201 | 204;
}

/**
 * Operations reached by a method other than POST or by a path other than their name. The
 * others are `POST /kms/<operation>`, answered 200.
 */
export const KMS_REST_ROUTES: readonly KmsRestRoute[] = [
  { method: 'POST', path: 'aliases', operation: 'create-alias', status: 201 },
  { method: 'GET', path: 'aliases', operation: 'list-aliases', status: 200 },
  { method: 'DELETE', path: 'aliases', operation: 'delete-alias', status: 204 },
  { method: 'POST', path: 'alias/associate', operation: 'associate-alias', status: 200 },
  { method: 'POST', path: '{key_id}/tags', operation: 'create-kms-tag', status: 204 },
  { method: 'GET', path: '{key_id}/tags', operation: 'show-kms-tags', status: 200 },
  { method: 'DELETE', path: '{key_id}/tags/{key}', operation: 'delete-kms-tag', status: 204 },
  { method: 'POST', path: '{key_id}/tags/action', operation: 'batch-kms-tags', status: 204 },
  { method: 'GET', path: 'tags', operation: 'list-kms-tags', status: 200 },
  {
    method: 'POST',
    path: 'resource_instances/action',
    operation: 'list-kms-by-tags',
    status: 200,
  },
  { method: 'GET', path: 'user-quotas', operation: 'show-user-quotas', status: 200 },
  { method: 'GET', path: 'user-instances', operation: 'show-user-instances', status: 200 },
];

const REST_OPERATIONS = new Set<string>(KMS_REST_ROUTES.map((route) => route.operation));

/** Operations served as `POST /kms/<name>`: every one but those with a REST route. */
export function isRpcOperationName(name: string): boolean {
  return !REST_OPERATIONS.has(name);
}
