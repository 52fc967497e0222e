import { useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { ApiError, CLIENT_ERROR_CODES, requestJson } from './http';

/** Non-secret facts about the upstream, as GET /api/config states them. */
export const consoleConfigSchema = z.object({
  upstream: z.enum(['local', 'cloud']),
  endpoint: z.string(),
  region: z.string(),
  projectId: z.string(),
  authMode: z.enum(['aksk', 'token', 'password', 'operator']),
  accessControl: z.boolean(),
});
export type ConsoleConfig = z.infer<typeof consoleConfigSchema>;

export const configQueries = {
  all: ['config'] as const,
};

export async function getConfig(signal?: AbortSignal): Promise<ConsoleConfig> {
  const parsed = consoleConfigSchema.safeParse(await requestJson('/api/config', { signal }));
  if (!parsed.success) throw new ApiError(CLIENT_ERROR_CODES.badResponse, '');
  return parsed.data;
}

export function useConfig(enabled = true) {
  return useQuery({
    queryKey: configQueries.all,
    queryFn: ({ signal }) => getConfig(signal),
    staleTime: Infinity,
    enabled,
  });
}
