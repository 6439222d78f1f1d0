import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createSession, SESSION_COOKIE } from '../accounts/sessions.js';
import { type Config, DEFAULT_CHECK_LIMITS, DEFAULT_TIMEOUTS } from '../config/config.js';
import type { DialectName } from '../db/database.js';
import type { Role } from '../db/schema.js';
import { type App, type AppOptions, buildApp } from '../http/app.js';
import type { AppContext } from '../http/context.js';
import { createTestStorage, type TestStorage } from './databases.js';

export const TEST_CONFIG: Config = {
  port: 0,
  host: '127.0.0.1',
  databaseUrl: 'sqlite::memory:',
  demo: false,
  publicUrl: 'http://localhost:8080',
  logLevel: 'silent',
  maxFileBytes: 2 * 1024 * 1024,
  sessionHours: 12,
  trustProxyHops: 0,
  timeouts: DEFAULT_TIMEOUTS,
  checkLimits: DEFAULT_CHECK_LIMITS,
};

/** A clock the test moves by hand. */
export class TestClock {
  #now: Date;
  constructor(start = new Date('2026-11-02T09:00:00.000Z')) {
    this.#now = start;
  }
  readonly now = (): Date => new Date(this.#now.getTime());
  advance(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
  set(date: Date): void {
    this.#now = date;
  }
}

export interface SignedIn {
  readonly userId: string;
  readonly email: string;
  /** Headers for inject(): the session cookie and, for writes, the CSRF token. */
  readonly headers: Record<string, string>;
}

export interface TestApp {
  readonly app: App;
  readonly storage: TestStorage;
  readonly context: AppContext;
  readonly clock: TestClock;
  /** A new establishment, returned by id. */
  establishment(name?: string): Promise<string>;
  /** A new user with a role in one or more establishments, already signed in. */
  user(roles: Readonly<Record<string, Role>>, options?: { email?: string }): Promise<SignedIn>;
  /** inject() with a user's headers merged in. */
  as(user: SignedIn | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * The real application on a fresh database of the given kind, for route tests: no mocks, the
 * same code path as `blouse serve` except listening.
 */
export async function createTestApp(
  dialect: DialectName,
  config: Partial<Config> = {},
  options: AppOptions = {},
): Promise<TestApp> {
  const storage = await createTestStorage(dialect);
  const clock = new TestClock();
  const context: AppContext = { storage, config: { ...TEST_CONFIG, ...config }, clock: clock.now };
  const app = await buildApp(context, options);
  const db = storage.db;
  return {
    app,
    storage,
    context,
    clock,
    async establishment(name = 'Centre hospitalier de test') {
      const id = randomUUID();
      await db
        .insertInto('establishments')
        .values({ id, group_id: null, name, guard_lists: '{}', created_at: clock.now().toISOString() })
        .execute();
      return id;
    },
    async user(roles, options = {}) {
      const id = randomUUID();
      const email = options.email ?? `${id.slice(0, 8)}@chu-test.fr`;
      const now = clock.now().toISOString();
      await db
        .insertInto('users')
        .values({
          id,
          email,
          display_name: `Utilisateur ${id.slice(0, 4)}`,
          password_hash: null,
          oidc_issuer: null,
          oidc_subject: null,
          demo: 0,
          disabled: 0,
          created_at: now,
        })
        .execute();
      for (const [establishmentId, role] of Object.entries(roles)) {
        await db
          .insertInto('memberships')
          .values({ user_id: id, establishment_id: establishmentId, role, created_at: now })
          .execute();
      }
      const session = await createSession(db, id, clock.now(), 12);
      return {
        userId: id,
        email,
        headers: { cookie: `${SESSION_COOKIE}=${session.token}`, 'x-csrf-token': session.csrfToken },
      };
    },
    as(user, options) {
      const headers = { ...(user?.headers ?? {}), ...((options.headers as Record<string, string>) ?? {}) };
      return app.inject({ ...options, headers });
    },
    async close() {
      await app.close();
      await storage.dispose();
    },
  };
}
