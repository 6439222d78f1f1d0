import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseMentionImport } from './import/parse-mention-import.js';
import { createRssSource } from './rss/rss-source.js';

/** Figures for `blouse bench`: how fast an export is imported and a feed is polled. */
export interface SourcesFigures {
  readonly import: {
    readonly rows: number;
    readonly megabytes: number;
    readonly ms: number;
    readonly rowsPerSecond: number;
  };
  readonly feed: { readonly items: number; readonly kilobytes: number; readonly msPerPoll: number };
}

const TEXT =
  'Encore 6 heures d’attente aux urgences du CHU de Valmont ; « on s’occupe de vous » qu’ils disaient. ' +
  'Ma mère est sur un brancard depuis hier soir, personne ne nous dit rien. Merci quand même aux infirmières, ' +
  'elles font ce qu’elles peuvent avec si peu de moyens.';

/** A French Excel export of `rows` mentions (semicolons, day-first dates, quoted texts). */
export function frenchExport(rows: number): string {
  const lines = ['Date;Auteur;Abonnés;Réseau;Texte;Lien'];
  for (let index = 0; index < rows; index += 1) {
    const minute = String(index % 60).padStart(2, '0');
    const day = String(1 + (index % 28)).padStart(2, '0');
    lines.push(
      `${day}/11/2026 14:${minute};@compte_${index};${index % 5000};Twitter;"${TEXT} n°${index}";https://x.example/s/${index}`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** An RSS 2.0 feed of `items` articles with HTML descriptions. */
export function pressFeed(items: number): string {
  const entries = Array.from(
    { length: items },
    (_, index) => `<item><title>Article ${index} sur le CHU de Valmont</title>
<link>https://journal.example/a/${index}</link><guid isPermaLink="false">a-${index}</guid>
<dc:creator>Rédaction</dc:creator><pubDate>Fri, 04 Dec 2026 ${String(index % 24).padStart(2, '0')}:00:00 +0100</pubDate>
<description><![CDATA[<p>${TEXT}</p><p>Lire la <a href="https://journal.example/a/${index}">suite</a>&nbsp;&hellip;</p>]]></description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Journal</title>${entries.join('\n')}</channel></rss>`;
}

export async function measureSources(
  importRows = 50_000,
  feedItems = 500,
  polls = 20,
): Promise<SourcesFigures> {
  const csv = Buffer.from(frenchExport(importRows));
  const started = performance.now();
  const imported = parseMentionImport(csv, 'csv', { now: () => new Date('2026-12-05T12:00:00Z') });
  const importMs = performance.now() - started;
  if (imported.posts.length !== importRows)
    throw new Error(`import : ${imported.rejected[0]?.message ?? 'lignes perdues'}`);

  const feed = pressFeed(feedItems);
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feed);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const source = createRssSource({ url: `http://127.0.0.1:${port}/feed` }, { allowPrivateNetwork: true });
    const signal = new AbortController().signal;
    await source.poll(null, signal);
    const pollStart = performance.now();
    for (let index = 0; index < polls; index += 1) {
      const { posts } = await source.poll(null, signal);
      if (posts.length !== feedItems) throw new Error('flux : articles perdus');
    }
    const msPerPoll = (performance.now() - pollStart) / polls;
    return {
      import: {
        rows: importRows,
        megabytes: Math.round(csv.length / 10_000) / 100,
        ms: Math.round(importMs),
        rowsPerSecond: Math.round(importRows / (importMs / 1000)),
      },
      feed: {
        items: feedItems,
        kilobytes: Math.round(Buffer.byteLength(feed) / 1000),
        msPerPoll: Math.round(msPerPoll * 10) / 10,
      },
    };
  } finally {
    server.close();
  }
}
