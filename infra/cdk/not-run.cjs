/**
 * Stands in, in the Lambda bundles, for modules a dependency loads but no function ever calls (an
 * esbuild alias, infra/cdk/bundling.ts names them and says why each is never called). Should one be
 * called after all, it fails loudly here instead of running without the code it expected.
 */
function notRun() {
  throw new Error(
    'this module is left out of the Lambda bundle (infra/cdk/bundling.ts): nothing was to call it',
  );
}
module.exports = notRun;
module.exports.parse = notRun;
