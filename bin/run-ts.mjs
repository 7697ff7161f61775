#!/usr/bin/env node
// Runs a TypeScript entry point (argv[2]) through tsx, passing the remaining arguments on.
import { register } from 'tsx/esm/api';
import { register as registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

registerHooks('./bundled-deps.mjs', import.meta.url);
register();
const [, , entry, ...rest] = process.argv;
process.argv = [process.argv[0], entry, ...rest];
await import(pathToFileURL(path.resolve(entry)).href);
