/** The kinds of source the settings form offers, each with its own fields. */
export const CONFIGURABLE_KINDS = ['rss', 'mastodon', 'bluesky'] as const;
export type ConfigurableKind = (typeof CONFIGURABLE_KINDS)[number];

/** What the form holds, whatever the kind: only the kind's own fields are sent. */
export interface SourceDraft {
  kind: ConfigurableKind;
  name: string;
  url: string;
  authorKind: 'press' | 'official' | 'person';
  instance: string;
  hashtags: string;
  service: string;
}

export const EMPTY_SOURCE: SourceDraft = {
  kind: 'rss',
  name: '',
  url: '',
  authorKind: 'press',
  instance: '',
  hashtags: '',
  service: '',
};

/**
 * The settings object for the server (checked there by the kind's own schema, which answers in
 * French). « #urgences, Valmont » becomes ['urgences', 'valmont']: hashtags without # nor doubles.
 */
export function settingsOf(draft: SourceDraft): Record<string, unknown> {
  switch (draft.kind) {
    case 'rss':
      return { url: draft.url.trim(), authorKind: draft.authorKind };
    case 'mastodon':
      return {
        instance: draft.instance.trim(),
        hashtags: [
          ...new Set(
            draft.hashtags
              .split(/[,\s]+/)
              .map((tag) => tag.replace(/^#+/, '').trim().toLowerCase())
              .filter((tag) => tag !== ''),
          ),
        ],
      };
    case 'bluesky':
      // Required: the server has no default address (a relay, Jetstream or a PDS is a choice).
      return { service: draft.service.trim() };
  }
}
