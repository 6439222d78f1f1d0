import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingPost } from '../../incoming-post.js';
import { FeedError } from './feed-error.js';
import { conditionalFeed, fixture, startFeedServer } from './feed-test-server.js';
import { createRssSource, type RssSourceOptions } from './rss-source.js';

const NOW = new Date('2026-12-05T10:00:00.000Z');
const TEST_OPTIONS: RssSourceOptions = { allowPrivateNetwork: true, now: () => NOW };
const never = new AbortController().signal;

let server: Awaited<ReturnType<typeof startFeedServer>>;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.requests.length = 0;
});

let pathCounter = 0;
/** A fresh path for each test, so that routes never leak between tests. */
function freshPath(name: string): string {
  pathCounter += 1;
  return `/${pathCounter}/${name}`;
}

async function pollError(poll: Promise<unknown>): Promise<FeedError> {
  const error = await poll.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(FeedError);
  return error as FeedError;
}

const byId = (posts: readonly IncomingPost[], id: string) => posts.find((post) => post.externalId === id);

describe('RSS 2.0 feed of a regional newspaper, read by conditional GET', () => {
  const path = freshPath('sante/feed/');
  const first = fixture('courrier-du-littoral.rss.xml');
  const etag = '"cl-184213"';
  const lastModified = 'Fri, 04 Dec 2026 17:42:10 GMT';
  let cursor: string | null = null;

  it('delivers every item on the first poll, oldest first, as heard posts', async () => {
    server.route(path, conditionalFeed(first, { etag, lastModified }));
    const source = createRssSource({ url: `${server.origin}${path}` }, TEST_OPTIONS);
    expect(source.kind).toBe('rss');
    const result = await source.poll(null, never);
    cursor = result.cursor;
    expect(result.posts.map((post) => post.externalId)).toEqual([
      'https://www.courrier-littoral.example/?p=184077',
      'https://www.courrier-littoral.example/?p=184122',
      'https://www.courrier-littoral.example/?p=184190',
      'https://www.courrier-littoral.example/?p=184213',
    ]);
    expect(byId(result.posts, 'https://www.courrier-littoral.example/?p=184213')).toEqual({
      source: 'rss',
      externalId: 'https://www.courrier-littoral.example/?p=184213',
      url: 'https://www.courrier-littoral.example/sante/2026/12/04/urgences-chu-valmont-attente/',
      authorHandle: 'Claire Vasseur',
      authorKind: 'press',
      reach: null,
      text:
        'Urgences du CHU de Valmont : jusqu’à 9 heures d’attente ce week-end\n\n' +
        'Plusieurs patients ont témoigné auprès de notre rédaction d’une attente de près de 9 heures aux urgences du CHU de Valmont, samedi et dimanche.\n' +
        'La direction évoque « une affluence exceptionnelle liée à l’épidémie de grippe ».\n' +
        'L’article Urgences du CHU de Valmont : jusqu’à 9 heures d’attente ce week-end est apparu en premier sur Le Courrier du Littoral.',
      publishedAt: '2026-12-04T16:30:00.000Z',
    });
    // No author on the item: the publication speaks.
    expect(byId(result.posts, 'https://www.courrier-littoral.example/?p=184077')?.authorHandle).toBe(
      'Le Courrier du Littoral – Santé',
    );
    expect(server.requests[0]?.headers['if-none-match']).toBeUndefined();
    expect(server.requests[0]?.headers['user-agent']).toContain('Blouse');
  });

  it('sends the validators back and delivers nothing on a 304, keeping the cursor', async () => {
    const source = createRssSource({ url: `${server.origin}${path}` }, TEST_OPTIONS);
    const result = await source.poll(cursor, never);
    expect(result).toEqual({ posts: [], cursor });
    expect(server.requests[0]?.headers['if-none-match']).toBe(etag);
    expect(server.requests[0]?.headers['if-modified-since']).toBe(lastModified);
  });

  it('delivers only the new items when the feed changes and re-serves old ones', async () => {
    server.route(
      path,
      conditionalFeed(fixture('courrier-du-littoral-suite.rss.xml'), { etag: '"cl-184262"' }),
    );
    const source = createRssSource({ url: `${server.origin}${path}` }, TEST_OPTIONS);
    const result = await source.poll(cursor, never);
    expect(result.posts.map((post) => post.externalId)).toEqual([
      'https://www.courrier-littoral.example/?p=184260',
      'https://www.courrier-littoral.example/?p=184262',
    ]);
    expect(result.posts[0]?.text).toContain('Le CHU rappelle qu’il est interdit de filmer les patients.');
    cursor = result.cursor;
    // The new ETag is used from now on, and the old Last-Modified is forgotten (none sent).
    const again = await source.poll(cursor, never);
    expect(again).toEqual({ posts: [], cursor });
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"cl-184262"');
    expect(server.requests.at(-1)?.headers['if-modified-since']).toBeUndefined();
  });

  it('answers 304 to If-Modified-Since alone when the site gives no ETag', async () => {
    const lastOnly = freshPath('feed.xml');
    server.route(lastOnly, conditionalFeed(first, { lastModified }));
    const source = createRssSource({ url: `${server.origin}${lastOnly}` }, TEST_OPTIONS);
    const firstPoll = await source.poll(null, never);
    expect(firstPoll.posts).toHaveLength(4);
    const second = await source.poll(firstPoll.cursor, never);
    expect(second).toEqual({ posts: [], cursor: firstPoll.cursor });
    expect(server.requests.at(-1)?.headers['if-modified-since']).toBe(lastModified);
  });
});

describe('feeds that ignore conditional GET', () => {
  it('delivers nothing twice when the server answers 200 with the same items every time', async () => {
    const path = freshPath('rss');
    server.route(path, (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/xml' }).end(fixture('courrier-du-littoral.rss.xml'));
    });
    const source = createRssSource({ url: `${server.origin}${path}` }, TEST_OPTIONS);
    const first = await source.poll(null, never);
    expect(first.posts).toHaveLength(4);
    const second = await source.poll(first.cursor, never);
    expect(second.posts).toEqual([]);
    expect(server.requests.at(-1)?.headers['if-none-match']).toBeUndefined();
  });

  it('reads the feed afresh when the stored cursor is damaged (the sink skips what it already has)', async () => {
    const path = freshPath('rss');
    server.route(path, conditionalFeed(fixture('courrier-du-littoral.rss.xml'), { etag: '"x"' }));
    const source = createRssSource({ url: `${server.origin}${path}` }, TEST_OPTIONS);
    for (const damaged of ['{not json', '{"v":99}', 'null', '[]', '{"v":1,"seen":"nope","etag":3}']) {
      const result = await source.poll(damaged, never);
      expect(result.posts).toHaveLength(4);
      expect(server.requests.at(-1)?.headers['if-none-match']).toBeUndefined();
    }
  });
});

describe('Atom and other encodings', () => {
  it('maps Atom entries: html and xhtml contents, authors, published or updated dates', async () => {
    const path = freshPath('atom.xml');
    server.route(
      path,
      conditionalFeed(fixture('valmont-sante-info.atom.xml'), { contentType: 'application/atom+xml' }),
    );
    const source = createRssSource(
      { url: `${server.origin}${path}`, name: 'Valmont Santé Info', authorKind: 'person' },
      TEST_OPTIONS,
    );
    const { posts } = await source.poll(null, never);
    expect(posts).toEqual([
      {
        source: 'rss',
        externalId: 'tag:valmont-sante-info.example,2026-11-28:/2026/11/portes-ouvertes-ifsi',
        url: 'https://valmont-sante-info.example/2026/11/portes-ouvertes-ifsi/',
        authorHandle: 'Valmont Santé Info',
        authorKind: 'person',
        reach: null,
        text: "Portes ouvertes à l'IFSI de Valmont\n\nSamedi 12 décembre, de 9 h à 16 h, l'institut de formation ouvre ses portes aux futurs infirmiers.",
        publishedAt: '2026-11-28T08:00:00.000Z',
      },
      expect.objectContaining({
        externalId: 'tag:valmont-sante-info.example,2026-12-03:/2026/12/vaccination-grippe-pharmacies',
        authorHandle: 'Julien Moreau',
        text: 'Vaccination contre la grippe : les pharmacies débordées\n\nLes officines du centre-ville manquent de doses — rupture attendue jusqu’au 15 décembre.',
        publishedAt: '2026-12-03T10:20:00.000Z',
      }),
      expect.objectContaining({
        authorHandle: 'Sophie Lemaire',
        // The summary, not the long content.
        text: 'Rumeur d’une fermeture du service de pédiatrie : ce qu’il en est\n\nUn message partagé plus de 2 000 fois annonce la fermeture de la pédiatrie du CHU de Valmont. L’ARS dément.',
        publishedAt: '2026-12-04T19:45:00.000Z',
      }),
    ]);
  });

  it('decodes an ISO-8859-1 feed from its XML declaration', async () => {
    const path = freshPath('rss.php');
    server.route(
      path,
      conditionalFeed(fixture('echo-de-la-vallee.latin1.rss.xml'), { contentType: 'text/xml' }),
    );
    const source = createRssSource({ url: `${server.origin}${path}` }, TEST_OPTIONS);
    const { posts } = await source.poll(null, never);
    expect(posts.map((post) => [post.externalId, post.authorHandle, post.text.split('\n')[0]])).toEqual([
      [
        'http://www.echo-vallee.example/article.php?id=4519',
        "L'Écho de la Vallée",
        'Téléthon : record battu à Saint-Aubin',
      ],
      [
        'http://www.echo-vallee.example/article.php?id=4521',
        "L'Écho de la Vallée",
        "Hôpital de Saint-Aubin : l'accueil de nuit fermé en décembre",
      ],
    ]);
  });

  it('reads a gzip-compressed answer', async () => {
    const path = freshPath('gz');
    server.route(path, (_request, response) => {
      response
        .writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' })
        .end(gzipSync(fixture('courrier-du-littoral.rss.xml')));
    });
    const source = createRssSource({ url: `${server.origin}${path}` }, TEST_OPTIONS);
    expect((await source.poll(null, never)).posts).toHaveLength(4);
    expect(server.requests.at(-1)?.headers['accept-encoding']).toContain('gzip');
  });
});

describe('hostile or careless content', () => {
  const rss = (items: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Forum &amp; Cie</title><link>https://forum.example/</link>${items}</channel></rss>`;

  it('drops scripts, styles and tags, decodes entities, and keeps only http(s) links', async () => {
    const path = freshPath('hostile');
    const body = rss(`
      <item>
        <title>Avis sur l&#8217;h&ocirc;pital &lt;b&gt;gras&lt;/b&gt;</title>
        <link>javascript:alert(document.cookie)</link>
        <guid isPermaLink="false">forum-1</guid>
        <pubDate>Thu, 03 Dec 2026 12:00:00 +0000</pubDate>
        <description><![CDATA[<script>steal()</script><style>p{}</style><!-- note interne --><p>Service&nbsp;des urgences &eacute;puis&eacute; &amp; d&eacute;bord&eacute; &#x1F621;</p><iframe src="https://x.example"></iframe><noscript>active JS</noscript><img src=x onerror=alert(1)>fin]]></description>
      </item>
      <item>
        <title>Sans date ni lien</title>
        <description>Un message du forum.</description>
      </item>
      <item><title></title><description>   </description></item>
      <item>
        <title>Date farfelue</title>
        <guid>forum-3</guid>
        <pubDate>Mon, 01 Jan 2091 00:00:00 +0000</pubDate>
      </item>`);
    server.route(path, conditionalFeed(body));
    const source = createRssSource({ url: `${server.origin}${path}`, authorKind: 'person' }, TEST_OPTIONS);
    const { posts } = await source.poll(null, never);
    expect(posts).toHaveLength(3);
    const hostile = byId(posts, 'forum-1');
    expect(hostile).toMatchObject({
      url: null,
      authorHandle: 'Forum & Cie',
      authorKind: 'person',
      text: 'Avis sur l’hôpital gras\n\nService des urgences épuisé & débordé 😡\nfin',
      publishedAt: '2026-12-03T12:00:00.000Z',
    });
    const undated = posts.find((post) => post.text.startsWith('Sans date'));
    expect(undated).toMatchObject({ url: null, publishedAt: NOW.toISOString() });
    expect(undated?.externalId).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(byId(posts, 'forum-3')?.publishedAt).toBe(NOW.toISOString());
  });

  it('refuses what is not XML with a clear message', async () => {
    const path = freshPath('broken');
    server.route(path, (_request, response) => {
      response
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end('<?xml version="1.0"?><rss version="2.0"><chan');
    });
    const source = createRssSource({ url: `${server.origin}${path}` }, TEST_OPTIONS);
    const error = await pollError(source.poll(null, never));
    expect(error.code).toBe('flux_illisible');
    expect(error.message).toBe(
      'Le contenu reçu n’est pas un flux RSS ou Atom lisible (XML invalide ou sans élément rss, feed ou rdf).',
    );
  });

  it('refuses a web page, but accepts a feed wrongly served as text/html', async () => {
    const page = freshPath('page');
    server.route(page, (_request, response) => {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><html><head><title>Accueil</title></head><body>Bienvenue</body></html>');
    });
    const error = await pollError(
      createRssSource({ url: `${server.origin}${page}` }, TEST_OPTIONS).poll(null, never),
    );
    expect(error.code).toBe('type_de_contenu');
    expect(error.message).toBe(
      'L’adresse renvoie une page web (text/html), pas un flux RSS ou Atom : utilisez le lien « RSS » du site.',
    );
    const mislabelled = freshPath('mislabelled');
    server.route(
      mislabelled,
      conditionalFeed(fixture('courrier-du-littoral.rss.xml'), { contentType: 'text/html' }),
    );
    const posts = (
      await createRssSource({ url: `${server.origin}${mislabelled}` }, TEST_OPTIONS).poll(null, never)
    ).posts;
    expect(posts).toHaveLength(4);
  });

  it('refuses an image without reading it', async () => {
    const path = freshPath('logo.png');
    server.route(path, (_request, response) => {
      response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(2048));
    });
    const error = await pollError(
      createRssSource({ url: `${server.origin}${path}` }, TEST_OPTIONS).poll(null, never),
    );
    expect(error.code).toBe('type_de_contenu');
    expect(error.message).toContain('du contenu de type image/png');
  });
});

describe('failures the runner backs off from', () => {
  it('turns an error status into a French message, retryable for 5xx and 429 only', async () => {
    const cases: [number, Record<string, string>, string, boolean, number | undefined][] = [
      [500, {}, 'Le flux a répondu 500 (Internal Server Error).', true, undefined],
      [503, { 'retry-after': '120' }, 'Le flux a répondu 503 (Service Unavailable).', true, 120],
      [429, {}, 'Le serveur du flux demande de ralentir (429) : nouvel essai plus tard.', true, undefined],
      [404, {}, 'Le flux est introuvable (404) : vérifiez son adresse.', false, undefined],
      [410, {}, 'Le flux n’existe plus (410) : le site l’a retiré.', false, undefined],
      [403, {}, 'Le flux refuse l’accès (403).', false, undefined],
    ];
    for (const [status, headers, message, retryable, retryAfter] of cases) {
      const path = freshPath(`status-${status}`);
      server.route(path, (_request, response) => {
        response.writeHead(status, headers).end('erreur');
      });
      const error = await pollError(
        createRssSource({ url: `${server.origin}${path}` }, TEST_OPTIONS).poll(null, never),
      );
      expect([error.code, error.message, error.retryable, error.details.httpStatus]).toEqual([
        'reponse_http',
        message,
        retryable,
        status,
      ]);
      expect(error.details.retryAfterSeconds).toBe(retryAfter);
    }
  });

  it('gives up on a server that never answers, at the deadline', async () => {
    const path = freshPath('silent');
    server.route(path, () => {
      // Never answers: the request stays open until the client leaves.
    });
    const source = createRssSource({ url: `${server.origin}${path}` }, { ...TEST_OPTIONS, timeoutMs: 300 });
    const error = await pollError(source.poll(null, never));
    expect(error.code).toBe('delai_depasse');
    expect(error.message).toBe('Le flux n’a pas répondu en 0,3 s.');
    expect(error.retryable).toBe(true);
  });

  it('gives up on a body that trickles forever, at the deadline', async () => {
    const path = freshPath('trickle');
    server.route(path, (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      const timer = setInterval(() => response.write(' '), 20);
      response.on('close', () => clearInterval(timer));
    });
    const source = createRssSource({ url: `${server.origin}${path}` }, { ...TEST_OPTIONS, timeoutMs: 400 });
    expect((await pollError(source.poll(null, never))).code).toBe('delai_depasse');
  });

  it('throws the runner’s own reason, not a feed error, when the runner stops', async () => {
    const path = freshPath('silent-too');
    server.route(path, () => {});
    const stop = new AbortController();
    const poll = createRssSource({ url: `${server.origin}${path}` }, TEST_OPTIONS).poll(null, stop.signal);
    await waitFor(() => server.requests.some((request) => request.path === path));
    stop.abort(new Error('arrêt du runner'));
    await expect(poll).rejects.toThrow('arrêt du runner');
  });

  it('says the server is unreachable when nothing listens', async () => {
    const closed = await startFeedServer();
    const origin = closed.origin;
    await closed.close();
    const error = await pollError(createRssSource({ url: `${origin}/feed` }, TEST_OPTIONS).poll(null, never));
    expect([error.code, error.message, error.retryable]).toEqual([
      'connexion',
      'Impossible de lire le flux : le serveur refuse la connexion.',
      true,
    ]);
  });
});

describe('size limits', () => {
  const options = { ...TEST_OPTIONS, maxBytes: 64 * 1024 };

  it('refuses a body announced larger than the cap', async () => {
    const path = freshPath('announced');
    server.route(path, (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(Buffer.alloc(100 * 1024, 0x20));
    });
    const error = await pollError(
      createRssSource({ url: `${server.origin}${path}` }, options).poll(null, never),
    );
    expect([error.code, error.message]).toEqual([
      'trop_volumineux',
      'Le flux dépasse la taille autorisée (0,1 Mo).',
    ]);
  });

  it('stops reading an endless body without a length as soon as it passes the cap', async () => {
    const path = freshPath('endless');
    let written = 0;
    let closedByClient = false;
    server.route(path, (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      const pump = () => {
        while (!response.destroyed && written < 50_000_000) {
          written += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', pump);
            return;
          }
        }
      };
      response.on('close', () => {
        closedByClient = true;
      });
      pump();
    });
    const error = await pollError(
      createRssSource({ url: `${server.origin}${path}` }, options).poll(null, never),
    );
    expect(error.code).toBe('trop_volumineux');
    await waitFor(() => closedByClient);
    expect(written).toBeLessThan(50_000_000);
  });

  it('stops a compressed bomb at the same cap, once decompressed', async () => {
    const path = freshPath('bomb');
    const bomb = gzipSync(Buffer.alloc(20_000_000, 0x20));
    expect(bomb.length).toBeLessThan(64 * 1024);
    server.route(path, (_request, response) => {
      response
        .writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' })
        .end(bomb);
    });
    const error = await pollError(
      createRssSource({ url: `${server.origin}${path}` }, options).poll(null, never),
    );
    expect(error.code).toBe('trop_volumineux');
  });

  it('says so when the compression is broken or unknown', async () => {
    const broken = freshPath('broken-gzip');
    server.route(broken, (_request, response) => {
      response
        .writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' })
        .end('pas du gzip');
    });
    const error = await pollError(
      createRssSource({ url: `${server.origin}${broken}` }, options).poll(null, never),
    );
    expect([error.code, error.message]).toEqual([
      'encodage',
      'Le flux est mal compressé (gzip, deflate ou br illisible).',
    ]);
    const unknown = freshPath('zstd');
    server.route(unknown, (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'zstd' }).end('x');
    });
    const second = await pollError(
      createRssSource({ url: `${server.origin}${unknown}` }, options).poll(null, never),
    );
    expect(second.message).toBe('Le flux est compressé d’une façon inconnue (zstd).');
  });
});

describe('feeds built to exhaust the server', () => {
  const tiny = (count: number) =>
    `<rss version="2.0"><channel><title>Flux géant</title>${Array.from(
      { length: count },
      (_, index) => `<item><title>n°${index}</title><guid>g${index}</guid><link>/a/${index}</link></item>`,
    ).join('')}</channel></rss>`;

  it('reads at most the first thousand items of a huge feed', async () => {
    const path = freshPath('huge');
    server.route(path, conditionalFeed(tiny(5_000)));
    const { posts } = await createRssSource({ url: `${server.origin}${path}` }, TEST_OPTIONS).poll(
      null,
      never,
    );
    expect(posts).toHaveLength(1_000);
    expect(posts[0]).toMatchObject({ externalId: 'g0', authorHandle: 'Flux géant', url: null });
  });

  it('refuses a feed with more tags than the parser may chew on', async () => {
    const path = freshPath('tags');
    server.route(path, conditionalFeed(tiny(100)));
    const error = await pollError(
      createRssSource({ url: `${server.origin}${path}` }, { ...TEST_OPTIONS, maxTags: 500 }).poll(
        null,
        never,
      ),
    );
    expect([error.code, error.message]).toEqual([
      'trop_volumineux',
      'Le flux contient trop de balises (plus de 500) pour être lu sans ralentir le serveur.',
    ]);
  });

  it('expands no entity bomb and reads no local file (XXE)', async () => {
    const bomb = freshPath('bomb.xml');
    const entities = Array.from(
      { length: 9 },
      (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level};`.repeat(10)}">`,
    ).join('');
    server.route(
      bomb,
      conditionalFeed(
        `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${entities}]><rss version="2.0"><channel><title>t</title><item><guid>b</guid><title>&lol9;</title></item></channel></rss>`,
      ),
    );
    const { posts } = await createRssSource({ url: `${server.origin}${bomb}` }, TEST_OPTIONS).poll(
      null,
      never,
    );
    expect(posts.map((post) => post.text.length < 100)).toEqual([true]);
    const xxe = freshPath('xxe.xml');
    server.route(
      xxe,
      conditionalFeed(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><item><guid>x</guid><title>&x;</title></item></channel></rss>',
      ),
    );
    const error = await pollError(
      createRssSource({ url: `${server.origin}${xxe}` }, TEST_OPTIONS).poll(null, never),
    );
    expect(error.code).toBe('flux_illisible');
  });
});

describe('redirections', () => {
  it('follows a few redirections to the feed', async () => {
    const final = freshPath('final');
    const middle = freshPath('middle');
    const start = freshPath('start');
    server.route(final, conditionalFeed(fixture('courrier-du-littoral.rss.xml')));
    server.route(middle, (_request, response) => response.writeHead(308, { location: final }).end());
    server.route(start, (_request, response) =>
      response.writeHead(301, { location: `${server.origin}${middle}` }).end(),
    );
    const { posts } = await createRssSource({ url: `${server.origin}${start}` }, TEST_OPTIONS).poll(
      null,
      never,
    );
    expect(posts).toHaveLength(4);
  });

  it('stops a redirection loop after five hops', async () => {
    const a = freshPath('a');
    const b = freshPath('b');
    server.route(a, (_request, response) => response.writeHead(302, { location: b }).end());
    server.route(b, (_request, response) => response.writeHead(302, { location: a }).end());
    const error = await pollError(
      createRssSource({ url: `${server.origin}${a}` }, TEST_OPTIONS).poll(null, never),
    );
    expect([error.code, error.message]).toEqual([
      'redirection',
      'Le flux redirige trop de fois (plus de 5 redirections).',
    ]);
    expect(server.requests.filter((request) => request.path === a || request.path === b)).toHaveLength(6);
  });

  it('refuses a redirection to another scheme, to credentials, or without a target', async () => {
    const cases: [string, string][] = [
      ['file:///etc/passwd', 'Le flux redirige vers une adresse file : seules http et https sont suivies.'],
      [
        'gopher://127.0.0.1:6379/_INFO',
        'Le flux redirige vers une adresse gopher : seules http et https sont suivies.',
      ],
      ['http://admin:secret@127.0.0.1/', 'L’adresse du flux ne doit pas contenir d’identifiants.'],
      ['', 'Le flux a répondu 302 sans dire où aller.'],
    ];
    for (const [location, message] of cases) {
      const path = freshPath('redirect');
      server.route(path, (_request, response) =>
        response.writeHead(302, location === '' ? {} : { location }).end(),
      );
      const error = await pollError(
        createRssSource({ url: `${server.origin}${path}` }, TEST_OPTIONS).poll(null, never),
      );
      expect(error.message).toBe(message);
    }
  });
});

describe('private networks (SSRF)', () => {
  const production: RssSourceOptions = { now: () => NOW };

  it('refuses loopback and private addresses, written as IPs or as names, before any request', async () => {
    const port = new URL(server.origin).port;
    server.route('/feed', conditionalFeed(fixture('courrier-du-littoral.rss.xml')));
    for (const host of [
      '127.0.0.1',
      'localhost',
      '[::1]',
      '[::ffff:127.0.0.1]',
      '2130706433',
      '0x7f.0.0.1',
      '10.0.0.8',
      '169.254.169.254',
      '0.0.0.0',
    ]) {
      const error = await pollError(
        createRssSource({ url: `http://${host}:${port}/feed` }, production).poll(null, never),
      );
      expect([host, error.code, error.retryable]).toEqual([host, 'adresse_interdite', false]);
      expect(error.message).toBe(
        'Cette adresse mène à un réseau privé ou à ce serveur lui-même : Blouse ne lit que des flux publics sur Internet.',
      );
    }
    expect(server.requests).toEqual([]);
  });

  it('reads the same loopback feed when the server allows private networks', async () => {
    const port = new URL(server.origin).port;
    server.route('/feed', conditionalFeed(fixture('courrier-du-littoral.rss.xml')));
    const source = createRssSource(
      { url: `http://localhost:${port}/feed` },
      { ...production, allowPrivateNetwork: true },
    );
    expect((await source.poll(null, never)).posts).toHaveLength(4);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition jamais remplie');
}
