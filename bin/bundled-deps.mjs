// Module-resolution hook for the Node entry points: loads chevrotain from the single-file ESM bundle
// its package ships, instead of its package entry, which pulls in some 600 lodash-es modules. Same
// version and code; measured under tsx, the entry costs ~55 MiB of resident memory and the bundle ~3 MiB.
// Browsers and vitest resolve chevrotain their own way; this only concerns `node bin/…`.

/** The bundle sits beside the package entry's folder: lib/chevrotain.mjs next to lib/src/api.js. */
const BUNDLE_FROM_ENTRY = '../chevrotain.mjs';

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (specifier !== 'chevrotain') return resolved;
  return { url: new URL(BUNDLE_FROM_ENTRY, resolved.url).href, format: 'module', shortCircuit: true };
}
