export { type Constraints, constraintsOf, corrected, inForce } from './apply.ts';
export { type CorrectionStore, EditError, type EditRequest, type EditTarget, edit } from './edit.ts';
export { type Correction, CorrectionSchema, type Verb } from './schema.ts';
