/** A region of the picture, in pixels of the picture as it is shown (orientation applied). */
export interface Region {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * What the image guard found, in the text guard's vocabulary: the rule of the catalogue it breaks
 * (GEO-01, PRIV-02, IMAGE-…), how serious, why in French and English, and what gave it away:
 * a metadata field, or a region of the picture (a face, a line of text).
 */
export interface ImageFinding {
  readonly rule: string;
  readonly severity: 'warn' | 'block';
  readonly explanation: { readonly fr: string; readonly en: string };
  readonly evidence:
    | { readonly kind: 'metadata'; readonly fields: readonly string[] }
    | { readonly kind: 'region'; readonly region: Region; readonly detail: string };
}
