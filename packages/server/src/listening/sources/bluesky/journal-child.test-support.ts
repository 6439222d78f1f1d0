/**
 * A process that runs one Bluesky source and stores what it delivers in a journal file, one JSON
 * line per delivery: the delivered post ids and the cursor after them, written together (one
 * append), as the real sink stores a batch and its cursor in one transaction. On start it resumes
 * from the last line's cursor. The kill -9 test bundles it and kills it mid-stream.
 *
 *   node child.cjs <ws://service> <journal file> <initial cursor>
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { createBlueskySource } from './bluesky-source.js';

export interface JournalLine {
  readonly ids: string[];
  readonly cursor: string | null;
}

/** Every complete line of the journal (a line cut by the kill, if any, is not a delivery). */
export function readJournal(path: string): JournalLine[] {
  if (!existsSync(path)) return [];
  const lines: JournalLine[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    try {
      lines.push(JSON.parse(line) as JournalLine);
    } catch {
      // the empty tail after the last newline, or a torn write
    }
  }
  return lines;
}

function main(service: string, journal: string, initialCursor: string): void {
  const cursor = readJournal(journal).at(-1)?.cursor ?? initialCursor;
  const source = createBlueskySource({ service }, { batch: { maxPosts: 2, maxWaitMs: 20 } });
  const sink = {
    deliver: async (posts: readonly { externalId: string }[], cursorAfter: string | null) => {
      appendFileSync(
        journal,
        `${JSON.stringify({ ids: posts.map((post) => post.externalId), cursor: cursorAfter })}\n`,
      );
    },
  };
  process.stdout.write('prêt\n');
  source.run(cursor, sink, new AbortController().signal).catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}

const [service, journal, initialCursor] = process.argv.slice(2);
if (process.env.BLOUSE_JOURNAL_CHILD === '1' && service && journal && initialCursor) {
  main(service, journal, initialCursor);
}
