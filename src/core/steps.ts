// Moved to the kit (src/core/kit/steps.ts). Kept only for the imports in names/ and events/, which are being
// rewritten on other branches: lead, point them at './kit/steps' (or '../kit/steps') after merging, then delete this.
export { runToEnd, workBudget } from './kit/steps';
