import { CompiledQuery, type Kysely } from 'kysely';
import type PgBoss from 'pg-boss';

/**
 * pg-boss's database seam (its `db` option) over the application's Kysely connection pool: pg-boss
 * then runs in the application's PostgreSQL database without a second pool, and a send can join
 * a Kysely transaction (the singleton check, pg-boss-jobs.ts).
 *
 * It also counts the statements in flight: pg-boss 10 completes a job without awaiting the
 * statement, so stop() waits here until the last completion has reached the database.
 */
export class KyselyBossDb implements PgBoss.Db {
  // biome-ignore lint/suspicious/noExplicitAny: raw statements, whatever the tables.
  readonly #db: Kysely<any>;
  readonly #inFlight = new Set<Promise<unknown>>();

  // biome-ignore lint/suspicious/noExplicitAny: raw statements, whatever the tables.
  constructor(db: Kysely<any>) {
    this.#db = db;
  }

  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
    const query = this.#db.executeQuery(CompiledQuery.raw(text, values ?? [])).then(({ rows }) => ({ rows }));
    this.#inFlight.add(query);
    const forget = () => this.#inFlight.delete(query);
    query.then(forget, forget);
    return query;
  }

  /** Statements sent and not yet answered. */
  get inFlight(): number {
    return this.#inFlight.size;
  }
}
