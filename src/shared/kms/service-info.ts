// What the service says about itself (KMS-API-2.md §8.4, §8.5): quotas, instance count and
// API versions.
import { z } from 'zod/mini';

export const userQuotasRequestSchema = z.strictObject({});
export const userQuotasResponseSchema = z.object({
  quotas: z.object({
    resources: z.array(z.object({ type: z.string(), used: z.number(), quota: z.number() })),
  }),
});

export const userInstancesRequestSchema = z.strictObject({});
export const userInstancesResponseSchema = z.object({ instance_num: z.number() });

export const apiVersionSchema = z.object({
  id: z.string(),
  links: z.array(z.object({ href: z.string(), rel: z.string() })),
  version: z.string(),
  status: z.enum(['CURRENT', 'SUPPORTED', 'DEPRECATED']),
  updated: z.string(),
  min_version: z.string(),
});
export type ApiVersion = z.infer<typeof apiVersionSchema>;

export const listVersionsResponseSchema = z.object({ versions: z.array(apiVersionSchema) });
export const showVersionResponseSchema = z.object({ version: apiVersionSchema });
