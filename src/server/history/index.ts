// The team history store: what the console server wires in (see routes.ts for the API).
export { historyLocationOf, openHistoryStore, type HistorySettings } from './store';
export { historyRoutes, type HistoryRoutesOptions } from './routes';
export { HistoryError } from './errors';
export type { HistoryStoreLocation } from './database';
export type {
  AuditFilters,
  HistoryFilters,
  HistoryRepository,
  NewAuditEvent,
  NewHistoryRecord,
} from './repository';
