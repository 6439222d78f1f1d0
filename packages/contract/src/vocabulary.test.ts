import { describe, expect, it } from 'vitest';
import {
  EVENT_KIND_LABELS,
  eventKindLabel,
  INCIDENT_STATUSES,
  NETWORK_LABELS,
  NETWORKS,
  networkLabel,
  pick,
  SEVERITIES,
  SEVERITY_WORDS,
  STATUS_WORDS,
} from './index.js';

const filled = (text: { fr: string; en: string }) => text.fr.trim() !== '' && text.en.trim() !== '';

describe('the shared vocabulary', () => {
  it('names and explains every status, severity, network and event kind in French and English', () => {
    for (const status of INCIDENT_STATUSES) {
      expect(filled(STATUS_WORDS[status].label) && filled(STATUS_WORDS[status].description)).toBe(true);
    }
    for (const severity of SEVERITIES) {
      expect(SEVERITY_WORDS[severity].label.fr.startsWith(severity)).toBe(true);
      expect(filled(SEVERITY_WORDS[severity].definition)).toBe(true);
    }
    for (const network of NETWORKS) expect(filled(NETWORK_LABELS[network])).toBe(true);
    for (const words of Object.values(EVENT_KIND_LABELS)) expect(filled(words)).toBe(true);
  });

  it('gives one word per status, never the same for two', () => {
    const labels = INCIDENT_STATUSES.map((status) => STATUS_WORDS[status].label.fr);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('names networks by id in either case, and shows a free text as typed', () => {
    expect(networkLabel('x')).toBe('X (anciennement Twitter)');
    expect(networkLabel('X', 'en')).toBe('X (formerly Twitter)');
    expect(networkLabel('facebook')).toBe('Facebook');
    expect(networkLabel('Forum de la mairie')).toBe('Forum de la mairie');
    // Not fooled by the names of Object's own properties.
    expect(networkLabel('constructor')).toBe('constructor');
  });

  it('calls an unknown event « Événement », never by its id', () => {
    expect(eventKindLabel('evidence')).toBe('Preuve scellée');
    expect(eventKindLabel('a_kind_added_later')).toBe('Événement');
    expect(eventKindLabel('toString', 'en')).toBe('Event');
  });

  it('falls back to French for a language it does not have', () => {
    expect(pick({ fr: 'Clos', en: 'Closed' }, 'de')).toBe('Clos');
    expect(pick({ fr: 'Clos', en: 'Closed' }, 'en-GB')).toBe('Closed');
  });
});
