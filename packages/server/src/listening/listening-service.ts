import type { AppContext } from '../http/context.js';
import { purgeExpiredMentions } from './mentions/retention.js';
import type { NewMentionsListener } from './new-mention.js';
import { SOURCE_REGISTRY, type SourceRegistry } from './sources/registry.js';
import { abortableSleep, runSource } from './sources/runner.js';
import { listEnabledSources, type SourceRow } from './sources/source-repository.js';
import type { CompileWatchTerms } from './watch-terms/matcher-cache.js';

export interface ListeningServiceOptions {
  /** The watch-term compiler (default: compileWatchTerms). */
  readonly compile?: CompileWatchTerms;
  readonly listeners?: readonly NewMentionsListener[];
  readonly registry?: SourceRegistry;
  /** How often the enabled sources are read again (changes made by another process). */
  readonly reloadMs?: number;
  /** How often expired mentions are purged. */
  readonly purgeMs?: number;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly random?: () => number;
  readonly log?: (message: string, error: unknown) => void;
}

interface Running {
  /** The row as it was started: kind and settings changed means start again. */
  readonly version: string;
  readonly controller: AbortController;
  readonly done: Promise<void>;
}

/** The services started per context, so that a change made through the API is acted on at once. */
const started = new WeakMap<AppContext, ListeningService>();

/** The sources were added, edited, disabled or removed: the running service follows now. */
export function sourcesChanged(context: AppContext): void {
  void started.get(context)?.reload();
}

/**
 * Runs every enabled listening source (one runner each), follows the sources as they are
 * added, edited, disabled or removed (at once for changes made in this process, within
 * `reloadMs` for others), and purges expired mentions hourly. stop() aborts the runners and
 * waits for them: a batch being stored finishes or rolls back as a whole.
 */
export class ListeningService {
  readonly #options: ListeningServiceOptions;
  readonly #running = new Map<string, Running>();
  #context: AppContext | undefined;
  #stopping: AbortController | undefined;
  #loops: Promise<void>[] = [];
  #reloading: Promise<void> = Promise.resolve();

  constructor(options: ListeningServiceOptions) {
    this.#options = options;
  }

  start(context: AppContext): void {
    if (this.#context !== undefined) throw new Error('ListeningService déjà démarré');
    this.#context = context;
    this.#stopping = new AbortController();
    started.set(context, this);
    const signal = this.#stopping.signal;
    this.#loops = [
      this.#every(this.#options.reloadMs ?? 30_000, signal, () => this.reload()),
      this.#every(this.#options.purgeMs ?? 3_600_000, signal, async () => {
        await purgeExpiredMentions(context);
      }),
    ];
  }

  /** The ids of the sources running now. */
  runningSources(): string[] {
    return [...this.#running.keys()].sort();
  }

  /** Starts what is newly enabled, stops what is gone, restarts what was edited. */
  reload(): Promise<void> {
    this.#reloading = this.#reloading
      .then(() => this.#reconcile())
      .catch((error: unknown) => {
        this.#options.log?.('listening: reading the sources failed', error);
      });
    return this.#reloading;
  }

  async stop(): Promise<void> {
    const context = this.#context;
    if (context === undefined) return;
    this.#stopping?.abort();
    await this.#reloading;
    for (const running of this.#running.values()) running.controller.abort();
    await Promise.all([...this.#running.values()].map((running) => running.done));
    await Promise.all(this.#loops);
    this.#running.clear();
    started.delete(context);
    this.#context = undefined;
  }

  async #reconcile(): Promise<void> {
    const context = this.#context;
    if (context === undefined || this.#stopping?.signal.aborted === true) return;
    const rows = await listEnabledSources(context.storage.db);
    const wanted = new Map(rows.map((row) => [row.id, row]));
    for (const [id, running] of this.#running) {
      const row = wanted.get(id);
      if (row === undefined || versionOf(row) !== running.version) {
        running.controller.abort();
        await running.done;
        this.#running.delete(id);
      }
    }
    for (const row of rows) if (!this.#running.has(row.id)) this.#launch(context, row);
  }

  #launch(context: AppContext, row: SourceRow): void {
    const controller = new AbortController();
    const done = runSource({
      context,
      sourceId: row.id,
      registry: this.#options.registry ?? SOURCE_REGISTRY,
      listeners: this.#options.listeners ?? [],
      ...(this.#options.compile === undefined ? {} : { compile: this.#options.compile }),
      signal: controller.signal,
      ...(this.#options.sleep === undefined ? {} : { sleep: this.#options.sleep }),
      ...(this.#options.random === undefined ? {} : { random: this.#options.random }),
      ...(this.#options.log === undefined ? {} : { log: this.#options.log }),
    })
      .catch((error: unknown) => this.#options.log?.(`listening source ${row.id} stopped`, error))
      .finally(() => {
        // A runner that ended by itself (disabled) leaves room for a later start.
        if (this.#running.get(row.id)?.controller === controller) this.#running.delete(row.id);
      });
    this.#running.set(row.id, { version: versionOf(row), controller, done });
  }

  async #every(ms: number, signal: AbortSignal, task: () => Promise<void>): Promise<void> {
    while (!signal.aborted) {
      try {
        await task();
      } catch (error) {
        this.#options.log?.('listening: periodic task failed', error);
      }
      await abortableSleep(ms, signal);
    }
  }
}

const versionOf = (row: SourceRow): string => `${row.kind}\u0000${row.settings}`;
