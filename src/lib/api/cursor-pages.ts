import { infiniteQueryOptions, type QueryKey } from '@tanstack/react-query';

/**
 * A list read page by page through the console's keyset cursor (`next_cursor`, null on the
 * last page). The previous pages stay on screen while a changed filter loads its first one.
 */
export function cursorPages<Page extends { next_cursor: string | null }, Key extends QueryKey>(
  queryKey: Key,
  fetchPage: (cursor: string | undefined) => Promise<Page>,
) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}
