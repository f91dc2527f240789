/** FROZEN REFERENCE of the structuring (see the files' headers); for the equivalence test only. */
export { createClassifier } from './classifier';
export { structureBatch } from './structure';
export { detectConflicts } from './conflicts';
export { linkRepeats } from './repeats';
