import { describe, expect, it } from 'vitest';
import { inputOwner, largestOwners } from '../../infra/cdk/bundle-inputs.ts';

describe('what a bundle is made of, from its esbuild metafile', () => {
  it('counts an input under its package chain, or its folder in the project', () => {
    expect(inputOwner('../main/node_modules/zod/v4/core/schemas.js')).toBe('zod');
    expect(inputOwner('node_modules/@smithy/core/dist-es/index.js')).toBe('@smithy/core');
    expect(inputOwner('node_modules/sanitize-html/node_modules/entities/lib/decode.js')).toBe(
      'sanitize-html>entities',
    );
    expect(inputOwner('lib/timeline/html/markup.ts')).toBe('lib/timeline');
    expect(inputOwner('../../functions/worker/handler.ts')).toBe('functions/worker');
  });

  it('adds up the bytes each owner left in the entry output, largest first, and ignores the source map', () => {
    const metafile = {
      outputs: {
        'index.mjs.map': { inputs: {} },
        'index.mjs': {
          entryPoint: 'functions/worker/handler.ts',
          inputs: {
            'node_modules/chrono-node/dist/esm/locales/en/index.js': { bytesInOutput: 300 },
            'node_modules/chrono-node/dist/esm/locales/ja/index.js': { bytesInOutput: 250 },
            'node_modules/compromise/src/three.js': { bytesInOutput: 500 },
            'lib/extraction/dates.ts': { bytesInOutput: 40 },
            'lib/extraction/entities.ts': { bytesInOutput: 20 },
          },
        },
      },
    };
    expect(largestOwners(metafile, 2)).toEqual([
      { owner: 'chrono-node', bytes: 550 },
      { owner: 'compromise', bytes: 500 },
    ]);
    expect(largestOwners(metafile, 5).at(-1)).toEqual({ owner: 'lib/extraction', bytes: 60 });
  });
});
