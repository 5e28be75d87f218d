// Sentence, list-item and heading segmentation for Russian and Kazakh strategy texts.
export { segmentText, type Segment, type SegmentKind } from './segment-text.js';
