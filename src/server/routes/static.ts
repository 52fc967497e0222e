/**
 * The browser app: the Vite build output, with a fallback to index.html for the app's own
 * routes. Hashed assets are cached for good; index.html is revalidated every time.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { sendKmsError } from '../../node/http';
import { ConsoleError } from '../../shared/console';

const NOT_BUILT_MESSAGE =
  'The console app is not built yet: run `npm run build` (or `npm start`, which builds it), then reload.\n';

function isAppRoute(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const pathname = request.url.split('?', 1)[0]!;
  if (pathname === '/api' || pathname.startsWith('/api/')) return false;
  // A path with a file extension is a missing asset, not a page of the app.
  return !path.posix.basename(pathname).includes('.');
}

export interface StaticRouteOptions {
  staticDir: string;
}

/**
 * Its not-found handler answers every unmatched URL (a plugin without a prefix sets it for
 * the whole server), in the plugin where @fastify/static's `reply.sendFile` exists.
 */
export const staticRoutes: FastifyPluginAsync<StaticRouteOptions> = async (app, options) => {
  const root = path.resolve(options.staticDir);
  const built = existsSync(path.join(root, 'index.html'));

  if (built) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: true,
      // dist/.vite/ holds the build manifest (for bench/page-weight.ts): not for browsers.
      dotfiles: 'ignore',
      cacheControl: false,
      setHeaders: (res, filePath) => {
        const immutable = filePath.startsWith(path.join(root, 'assets') + path.sep);
        res.setHeader(
          'cache-control',
          immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  } else {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send(NOT_BUILT_MESSAGE),
    );
  }

  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    if (built && isAppRoute(request)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendKmsError(reply, new ConsoleError('CONSOLE.0015'));
  });
};
