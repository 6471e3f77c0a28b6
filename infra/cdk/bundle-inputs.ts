/** The part of an esbuild metafile read here: each output's inputs and the bytes each left in it. */
export interface Metafile {
  outputs: Record<string, { entryPoint?: string; inputs: Record<string, { bytesInOutput: number }> }>;
}

/**
 * What an input counts under: its package, as the chain of node_modules it sits in
 * (`sanitize-html>entities` is sanitize-html's own copy of entities), else its folder in the project
 * (`lib/timeline`), so one line can say which dependency or domain a bundle's bytes come from.
 */
export function inputOwner(path: string): string {
  const packages = [...path.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].map((match) => match[1]);
  if (packages.length > 0) return packages.join('>');
  return path
    .replace(/^(\.\.\/)+/, '')
    .split('/')
    .slice(0, 2)
    .join('/');
}

/** The `count` owners that left the most bytes in the bundle's entry output, largest first. */
export function largestOwners(metafile: Metafile, count: number): Array<{ owner: string; bytes: number }> {
  const entry = Object.values(metafile.outputs).find((output) => output.entryPoint !== undefined);
  const bytes = new Map<string, number>();
  for (const [path, input] of Object.entries(entry?.inputs ?? {})) {
    const owner = inputOwner(path);
    bytes.set(owner, (bytes.get(owner) ?? 0) + input.bytesInOutput);
  }
  return [...bytes]
    .map(([owner, total]) => ({ owner, bytes: total }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}
