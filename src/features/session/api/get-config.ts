import { useQuery } from '@tanstack/react-query';
import { publicConfigSchema, type PublicConfig } from '../../../shared/console/config';
import { CONSOLE_API } from '../../../shared/console/routes';
import { ApiError, CLIENT_ERROR_CODES, requestJson } from '../../../lib/api';

export const configQueries = {
  all: ['config'] as const,
};

/** Non-secret facts about the upstream, as GET /api/config states them. */
export async function getConfig(signal?: AbortSignal): Promise<PublicConfig> {
  const parsed = publicConfigSchema.safeParse(await requestJson(CONSOLE_API.config, { signal }));
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
