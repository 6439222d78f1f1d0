export {
  type CheckOptions,
  checkAndCopyImage,
  checkImage,
  type ImageCheck,
  safeCopyOf,
} from './check-image.js';
export { type BuildOptions, buildImageEvalSet, type ImageTruth } from './eval/build-eval-set.js';
export type { EvalSplit } from './eval/face-pool.js';
export { type ImageEvalSummary, type Rate, scoreImageSet } from './eval/score-image-set.js';
export { findFaces } from './faces/find-faces.js';
export { type SafeCopy, safeCopy } from './fix/safe-copy.js';
export type { ImageFinding, Region } from './image-finding.js';
export { metadataFindings } from './metadata/metadata-findings.js';
export { type ImageMetadata, readImageMetadata, UnreadableImageError } from './metadata/read-metadata.js';
export {
  type BackgroundText,
  type OcrWord,
  type ReadingOptions,
  readBackgroundText,
  readScreenText,
} from './ocr/read-text.js';
export { backgroundTextFindings } from './ocr/text-findings.js';
export { releaseTextReader } from './ocr/text-reader.js';
export { type DecodedPicture, decodePicture } from './upright-picture.js';
