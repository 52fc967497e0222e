/**
 * Wires the team history into the console server: who is asking (the actor), the audit of
 * KMS operations and sessions, and the history API behind the app's guards.
 *
 * Records are written by the browser (`POST /api/history`) after an encryption succeeds, not
 * by the proxy on the encrypt path: the browser knows what the server cannot (label, alias,
 * spec), and its outbox keeps a record until the store acknowledges it, across a store outage,
 * a console restart or a closed tab. A record is idempotent (keyed by its ciphertext), so a
 * resend never duplicates it. What the server saw for itself — that an encryption happened,
 * by whom, with which key and outcome — is the audit event written on the proxy path, which a
 * browser cannot forge or skip.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HistoryUpstream } from '../../shared/console/history';
import type { ConsoleConfig } from '../config';
import { trustedPeer } from '../security/trusted-peer';
import { ActorResolver, LOCAL_ACTOR } from './actor';
import { AuditRecorder, consoleAuditEvent } from './console-audit';
import type { HistoryRepository } from './repository';
import { historyRoutes } from './routes';
import { historyLocationOf, openHistoryStore } from './store';

/** Opens (and migrates) the store the configuration names; undefined when history is off. */
export async function openConsoleHistory(
  config: ConsoleConfig,
): Promise<HistoryRepository | undefined> {
  if (config.history === undefined) return undefined;
  const location = historyLocationOf(config.history);
  return location === null ? undefined : openHistoryStore(location);
}

/** The history options a console configuration implies, around an opened store. */
export function consoleHistoryOptions(
  config: ConsoleConfig,
  repository: HistoryRepository,
): ConsoleHistoryOptions {
  const { upstream, history } = config;
  const actors = new ActorResolver({
    ...(history?.identityHeader !== undefined && { identityHeader: history.identityHeader }),
    isTrustedPeer: trustedPeer(config.trustProxy),
    ...(upstream.auth.mode === 'operator' &&
      history?.iamEndpoint !== undefined && { operatorIamEndpoint: history.iamEndpoint }),
  });
  return {
    repository,
    actors,
    upstream:
      upstream.kind === 'local'
        ? { kind: 'local' }
        : { kind: 'cloud', region: upstream.region, project_id: upstream.projectId },
  };
}

export interface ConsoleHistoryOptions {
  repository: HistoryRepository;
  actors: ActorResolver;
  upstream: HistoryUpstream;
}

async function actorOf(request: FastifyRequest, actors: ActorResolver): Promise<string> {
  request.historyActor ??= await actors.resolve(request);
  return request.historyActor;
}

/**
 * Call before the KMS and session routes are registered: their plugins inherit the audit hook
 * only if it is there when they load.
 */
export async function installConsoleHistory(
  app: FastifyInstance,
  options: ConsoleHistoryOptions,
): Promise<void> {
  const { repository, actors, upstream } = options;
  const audit = new AuditRecorder(repository, app.log);
  app.decorateRequest('historyActor', null);

  app.addHook('onResponse', async (request, reply) => {
    // Decided before the actor is looked up: most requests (files, config) are not audited.
    const event = consoleAuditEvent(request, reply, '');
    if (event === null) return;
    audit.record({ ...event, actor: event.actor || (await actorOf(request, actors)) });
  });
  app.addHook('onClose', async () => {
    await audit.close();
    await repository.close();
  });

  await app.register(async (scope) => {
    scope.addHook('preHandler', async (request) => {
      await actorOf(request, actors);
    });
    await scope.register(historyRoutes, {
      repository,
      actorOf: (request) => request.historyActor ?? LOCAL_ACTOR,
      upstreamOf: () => upstream,
    });
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking, as the history and audit record it; resolved once per request. */
    historyActor: string | null;
  }
}
