/**
 * The team history and audit API as a Fastify plugin. It holds no SQL: every read and write
 * goes through the HistoryRepository it is given. Register it without fastify-plugin, so its
 * error handler covers only its own routes; the app's guards (host, origin, session) apply
 * because they are hooks of the parent.
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  auditListQuerySchema,
  historyExportQuerySchema,
  historyImportBodySchema,
  historyLabelBodySchema,
  historyListQuerySchema,
  historyRecordBodySchema,
  type AuditAction,
  type HistoryUpstream,
} from '../../shared/console/history';
import { KmsShapedError } from '../../shared/kms';
import { csvHeader, csvRow } from './csv';
import {
  historyFilters,
  pageLimit,
  parseOr,
  recordFromBody,
  recordFromExportItem,
  recordFromLocalEntry,
  timeOf,
} from './inputs';
import { HistoryError } from './errors';
import type { HistoryFilters, HistoryRepository } from './repository';

export interface HistoryRoutesOptions {
  repository: HistoryRepository;
  /** Who is asking: the identity the audit and new records carry. */
  actorOf(request: FastifyRequest): string;
  /** Where this console's encryptions go: local KMS, or a cloud region and project. */
  upstreamOf(): HistoryUpstream;
}

const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;

async function* exportLines(
  repository: HistoryRepository,
  filters: HistoryFilters,
  format: 'json' | 'csv',
): AsyncGenerator<string> {
  if (format === 'csv') {
    yield csvHeader();
    for await (const item of repository.exportAll(filters)) yield csvRow(item);
    return;
  }
  const header = { format: 'kms-encrypt-console/history-server', version: 1 };
  yield `${JSON.stringify(header).slice(0, -1)},"exported_at":"${new Date().toISOString()}","items":[`;
  let first = true;
  for await (const item of repository.exportAll(filters)) {
    yield `${first ? '' : ','}\n${JSON.stringify(item)}`;
    first = false;
  }
  yield '\n]}\n';
}

export const historyRoutes: FastifyPluginAsync<HistoryRoutesOptions> = async (app, options) => {
  const { repository, actorOf, upstreamOf } = options;

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof KmsShapedError) {
      return reply
        .status(error.status)
        .type('application/json; charset=utf-8')
        .send(error.toBody());
    }
    // Anything else (a malformed JSON body, a bug) is the app's error handler's to shape.
    throw error;
  });

  /** Runs a history action and appends its audit event, whichever way it ends. */
  async function audited<T>(
    request: FastifyRequest,
    action: AuditAction,
    target: { keyId?: string | null; recordId?: string | null },
    work: () => Promise<T>,
  ): Promise<T> {
    const event = { actor: actorOf(request), action, requestId: request.id, ...target };
    let result: T;
    try {
      result = await work();
    } catch (error) {
      const outcome = error instanceof KmsShapedError ? error.code : 'CONSOLE.0014';
      // The action already failed; an audit that cannot be written must not hide why.
      await repository.appendAudit({ ...event, outcome }).catch(() => undefined);
      throw error;
    }
    await repository.appendAudit({ ...event, outcome: 'ok' });
    return result;
  }

  /** A change to the record named in the path, audited with that record and its key. */
  async function auditedRecordChange<T>(
    request: FastifyRequest<{ Params: { id: string } }>,
    action: AuditAction,
    change: (id: string) => Promise<T>,
  ): Promise<T> {
    const { id } = request.params;
    const existing = await repository.getRecord(id);
    return audited(request, action, { keyId: existing?.key_id, recordId: existing?.id }, () =>
      change(id),
    );
  }

  app.get('/api/history', async (request) => {
    const query = parseOr(historyListQuerySchema, request.query, 'CONSOLE.0100');
    return repository.listRecords(historyFilters(query), {
      limit: pageLimit(query.limit),
      ...(query.cursor !== undefined && { cursor: query.cursor }),
    });
  });

  // The browser sends each record here, at once or later from its outbox; a resend of a
  // record already stored answers 200 with it, so retrying is always safe.
  app.post('/api/history', async (request, reply) => {
    const body = parseOr(historyRecordBodySchema, request.body, 'CONSOLE.0103');
    const record = recordFromBody(body, actorOf(request), upstreamOf());
    const { item, created } = await repository.addRecord(record);
    return reply.status(created ? 201 : 200).send({ item, created });
  });

  app.patch<{ Params: { id: string } }>('/api/history/:id', async (request) => {
    const { label } = parseOr(historyLabelBodySchema, request.body, 'CONSOLE.0103');
    return auditedRecordChange(request, 'history.label', async (id) => {
      const item = await repository.updateLabel(id, label);
      if (item === null) throw new HistoryError('CONSOLE.0102');
      return { item };
    });
  });

  app.delete<{ Params: { id: string } }>('/api/history/:id', async (request, reply) => {
    await auditedRecordChange(request, 'history.delete', async (id) => {
      if ((await repository.softDelete(id)) === null) throw new HistoryError('CONSOLE.0102');
    });
    return reply.status(204).send();
  });

  app.get('/api/history/export', async (request, reply: FastifyReply) => {
    const query = parseOr(historyExportQuerySchema, request.query, 'CONSOLE.0100');
    // Audited when it starts: the file streams afterwards, page by page.
    await repository.appendAudit({
      actor: actorOf(request),
      action: 'history.export',
      outcome: 'ok',
      requestId: request.id,
    });
    const csv = query.format === 'csv';
    const stamp = new Date().toISOString().slice(0, 10);
    return reply
      .type(csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="kms-history-${stamp}.${query.format}"`)
      .send(Readable.from(exportLines(repository, historyFilters(query), query.format)));
  });

  app.post('/api/history/import', { bodyLimit: IMPORT_BODY_LIMIT }, async (request) => {
    const body = parseOr(historyImportBodySchema, request.body, 'CONSOLE.0103');
    const actor = actorOf(request);
    const records =
      'entries' in body
        ? body.entries.map((entry) => recordFromLocalEntry(entry, actor, upstreamOf()))
        : body.items.map((item) => recordFromExportItem(item, actor));
    return audited(request, 'history.import', {}, () => repository.importRecords(records));
  });

  app.get('/api/audit', async (request) => {
    const query = parseOr(auditListQuerySchema, request.query, 'CONSOLE.0100');
    return repository.listAudit(
      {
        ...(query.actor !== undefined && { actor: query.actor }),
        ...(query.action !== undefined && { action: query.action }),
        ...(query.key_id !== undefined && { keyId: query.key_id }),
        ...(query.outcome !== undefined && { outcome: query.outcome }),
        ...(query.from !== undefined && { from: timeOf(query.from) }),
        ...(query.to !== undefined && { to: timeOf(query.to) }),
      },
      {
        limit: pageLimit(query.limit),
        ...(query.cursor !== undefined && { cursor: query.cursor }),
      },
    );
  });
};
