import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Encrypted files (remembered by envelope fingerprint, name and size) and the `q` search: a
 * trigger keeps one lower-cased text per record, and a trigram GIN index makes
 * `LIKE '%word%'` an index scan on both PostgreSQL and PGlite (pg_trgm ships with both).
 * A trigger rather than a generated column, because the date text depends on a time zone and
 * generated columns accept only immutable expressions.
 */
export const filesAndSearch: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`ALTER TABLE history_record ALTER COLUMN cipher_text DROP NOT NULL`.execute(db);
    await sql`
      ALTER TABLE history_record
        ADD COLUMN file_name text,
        ADD COLUMN file_size bigint,
        ADD COLUMN envelope_fingerprint text,
        ADD COLUMN search_text text NOT NULL DEFAULT ''`.execute(db);
    await sql`
      ALTER TABLE history_record ADD CONSTRAINT history_record_text_or_file CHECK (
        (cipher_text IS NOT NULL AND envelope_fingerprint IS NULL
          AND file_name IS NULL AND file_size IS NULL)
        OR (cipher_text IS NULL AND envelope_fingerprint IS NOT NULL
          AND file_name IS NOT NULL AND file_size IS NOT NULL))`.execute(db);

    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    await sql`
      CREATE FUNCTION history_record_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_text := lower(concat_ws(' ',
          NEW.label, NEW.key_id, NEW.key_alias, NEW.key_spec, NEW.encryption_algorithm,
          NEW.actor, to_char(NEW.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'),
          NEW.encryption_context::text, left(NEW.cipher_text, 64),
          NEW.file_name, NEW.envelope_fingerprint));
        RETURN NEW;
      END $$`.execute(db);
    await sql`
      CREATE TRIGGER history_record_search BEFORE INSERT OR UPDATE ON history_record
        FOR EACH ROW EXECUTE FUNCTION history_record_search_text()`.execute(db);
    // Fires the trigger once for every record written before this migration.
    await sql`UPDATE history_record SET search_text = ''`.execute(db);
    await sql`
      CREATE INDEX history_record_search ON history_record
        USING gin (search_text gin_trgm_ops)`.execute(db);
  },
};
