import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectMediaType } from '../evidence/media-type.js';
import { demoConsentForm } from './demo-consent-form.js';

describe('the demo consent form', () => {
  it('is a PDF by its bytes, with a cross-reference table pointing at its objects', () => {
    const pdf = demoConsentForm();
    expect(detectMediaType(pdf)).toBe('application/pdf');
    const text = pdf.toString('latin1');
    const xref = Number(/startxref\n(\d+)/u.exec(text)?.[1]);
    expect(text.slice(xref, xref + 4)).toBe('xref');
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gmu)].map((match) => Number(match[1]));
    expect(offsets).toHaveLength(5);
    expect(offsets.map((offset) => text.slice(offset, offset + 7))).toEqual(
      offsets.map((_, i) => `${i + 1} 0 obj`),
    );
  });

  it.runIf(existsSync('/usr/bin/pdftotext'))('opens in a PDF reader', () => {
    const dir = mkdtempSync(join(tmpdir(), 'blouse-form-'));
    writeFileSync(join(dir, 'form.pdf'), demoConsentForm());
    const read = execFileSync('/usr/bin/pdftotext', [join(dir, 'form.pdf'), '-'], { encoding: 'utf8' });
    expect(read).toContain('Formulaire de consentement');
  });
});
