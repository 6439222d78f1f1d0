import type { ImageFinding } from '../image-finding.js';
import type { ImageMetadata } from './read-metadata.js';

/**
 * What the metadata gives away, as findings: where the picture was taken (GEO-01: a ward, a
 * colleague's home, a patient's room can be found from it) and who took it or owns the device
 * (PRIV-02: the post is tied to a person who may not want to be). The device alone is no finding:
 * it names nobody; the safe copy drops it all the same.
 */
export function metadataFindings(metadata: ImageMetadata): ImageFinding[] {
  const findings: ImageFinding[] = [];
  if (metadata.gps !== null) {
    const place = `${metadata.gps.latitude.toFixed(4)}, ${metadata.gps.longitude.toFixed(4)}`;
    findings.push({
      rule: 'GEO-01',
      severity: 'warn',
      explanation: {
        fr: `La photo contient la position où elle a été prise (${place}) : n’importe qui peut la retrouver sur une carte. La copie sûre la retire.`,
        en: `The photo holds the position where it was taken (${place}): anyone can find it on a map. The safe copy removes it.`,
      },
      evidence: { kind: 'metadata', fields: ['GPS'] },
    });
  }
  if (metadata.people.length > 0) {
    const fields = metadata.people.map((item) => item.field);
    findings.push({
      rule: 'PRIV-02',
      severity: 'warn',
      explanation: {
        fr: `La photo porte un nom dans ses métadonnées (${fields.join(', ')}) : elle dit qui l’a prise ou à qui appartient l’appareil. La copie sûre le retire.`,
        en: `The photo carries a name in its metadata (${fields.join(', ')}): it says who took it or who owns the device. The safe copy removes it.`,
      },
      evidence: { kind: 'metadata', fields },
    });
  }
  return findings;
}
