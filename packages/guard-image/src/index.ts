export { checkImage, type ImageCheck, safeCopyOf } from './check-image.js';
export { findFaces } from './faces/find-faces.js';
export { type SafeCopy, safeCopy } from './fix/safe-copy.js';
export type { ImageFinding, Region } from './image-finding.js';
export { metadataFindings } from './metadata/metadata-findings.js';
export { type ImageMetadata, readImageMetadata, UnreadableImageError } from './metadata/read-metadata.js';
export { type BackgroundText, type OcrWord, readBackgroundText } from './ocr/read-text.js';
export { backgroundTextFindings } from './ocr/text-findings.js';
