import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Text records and the audit trail. Times are kept to the millisecond, so a keyset cursor
 * written from a JavaScript Date points at exactly the row it came from.
 */
export const initial: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      CREATE TABLE history_record (
        id uuid PRIMARY KEY,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        actor text NOT NULL,
        label text,
        key_id text NOT NULL,
        key_alias text,
        key_spec text,
        encryption_algorithm text NOT NULL,
        encryption_context jsonb NOT NULL DEFAULT '{}',
        cipher_text text NOT NULL,
        upstream_kind text NOT NULL CHECK (upstream_kind IN ('local', 'cloud')),
        upstream_region text,
        upstream_project_id text,
        dedupe_key text NOT NULL UNIQUE,
        deleted_at timestamptz(3)
      )`.execute(db);
    // One index per way the list is read: newest first, alone or within a key or an actor.
    await sql`
      CREATE INDEX history_record_recent ON history_record (created_at DESC, id DESC)
        WHERE deleted_at IS NULL`.execute(db);
    await sql`
      CREATE INDEX history_record_by_key ON history_record (key_id, created_at DESC, id DESC)
        WHERE deleted_at IS NULL`.execute(db);
    await sql`
      CREATE INDEX history_record_by_actor ON history_record (actor, created_at DESC, id DESC)
        WHERE deleted_at IS NULL`.execute(db);

    await sql`
      CREATE TABLE audit_event (
        id uuid PRIMARY KEY,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        actor text NOT NULL,
        action text NOT NULL,
        key_id text,
        record_id uuid,
        outcome text NOT NULL,
        request_id text
      )`.execute(db);
    await sql`CREATE INDEX audit_event_recent ON audit_event (created_at DESC, id DESC)`.execute(
      db,
    );
    await sql`
      CREATE INDEX audit_event_by_actor ON audit_event (actor, created_at DESC, id DESC)`.execute(
      db,
    );
    // Append-only for everyone, including a future bug in this code or a hand-typed query.
    await sql`
      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only';
      END $$`.execute(db);
    await sql`
      CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`.execute(db);
    await sql`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`.execute(db);
  },
};
