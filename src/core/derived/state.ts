// The states a derived index (names, events, full-text search) can be in. Each index object in this folder says
// which one it is in, from the fields that decide its refresh, so a status line, a test or the benchmark reads the
// same truth the refresh decision (derivedIndexes.ts) acts on.

/**
 * `absent` — not built (the next query or link() builds it); `restored` — persisted state waiting to be adopted or
 * checked against the files; `approximate` — updated article by article since the last full build (names), or
 * behind the current names or partly built (events, search); `exact` — computed from exactly this corpus.
 */
export type DerivedState = 'absent' | 'restored' | 'approximate' | 'exact';
