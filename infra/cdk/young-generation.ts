/**
 * The worker and the admin function cluster a day's accounts, allocating tens of MB of short-lived
 * objects per clustering; V8's default young generation (16 MB semi-spaces) collects them over and over
 * and promotes what outlives a scavenge. 32 MB semi-spaces took a busy day's clustering from a median
 * of 194–228 ms of CPU to 128–136 (docs/decisions/clustering-young-generation.md); the young generation
 * (three semi-spaces) may then grow to 96 MB, 48 MB more than by default, of the functions' 1,024.
 */
export const CLUSTERING_SEMI_SPACE_MB = 32;
