import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';

type Hook = { match: string };
type Hooks = Record<string, Hook[]>;
type HookLookup = (docCaches: Set<string>[], hooks: Hooks) => Hook[][];

// The patched module itself: compromise's exports map does not publish it, so it is read by path.
const PATCHED = createRequire(import.meta.url).resolve(
  '../../node_modules/compromise/src/1-one/sweep/methods/sweep/01-getHooks.js',
);
const { default: getHooks } = (await import(PATCHED)) as { default: HookLookup };

/** compromise 14.17's own hook lookup, the oracle the patch must agree with. */
function stockHooks(docCaches: Set<string>[], hooks: Hooks): Hook[][] {
  return docCaches.map((cache) => {
    const maybe = Object.keys(hooks).flatMap((key) => (cache.has(key) ? (hooks[key] as Hook[]) : []));
    const seen = new Set<string>();
    return maybe.filter((hook) => !seen.has(hook.match) && seen.add(hook.match) !== undefined);
  });
}

const SENTENCES = [
  'Inspectors from the Danube Water Authority closed the Ruse lock on Wednesday, the agency said.',
  'Mayor Lena Okafor, who took office in May, said she would not seek a second term.',
  "Rescue teams from Chile and Peru reached the mine's lower gallery late on Sunday night.",
  'The court in Lyon fined Rhône Freight €2 million and barred two of its managers.',
  'no capital letters at all, just a lowercase note about the weather',
];

const world = nlp.world() as unknown as { model: { two: { matches: unknown[] } } };
const methods = nlp.methods() as unknown as {
  one: {
    buildNet: (matches: unknown[], world: unknown) => { hooks: Hooks };
    cacheDoc: (docs: unknown) => Set<string>[];
  };
};
// Built once, as the post-tagger does: building parses the match list in place.
const { hooks } = methods.one.buildNet(world.model.two.matches, world);

/** Each sentence's cache of words and tags, as the post-tagger's sweep sees it. */
function cachesOf(text: string): Set<string>[] {
  const doc = nlp.tokenize(text).compute(['index', 'id', 'lexicon', 'preTagger', 'contractionTwo']);
  return methods.one.cacheDoc((doc as unknown as { docs: unknown }).docs);
}

describe("compromise's post-tagger hooks, patched for speed", () => {
  it('is the patched module that npm ci installed (postinstall: patch-package)', () => {
    expect(readFileSync(PATCHED, 'utf8')).toContain("Dateline's patch");
  });

  it.each(SENTENCES)('offers the same matches in the same order as the stock lookup: %s', (text) => {
    const caches = cachesOf(text);
    const patched = getHooks(caches, hooks) as Hook[][];
    expect(patched.map((list) => list.map((hook) => hook.match))).toEqual(
      stockHooks(caches, hooks).map((list) => list.map((hook) => hook.match)),
    );
    expect(patched.flat().length).toBeGreaterThan(0);
  });
});
