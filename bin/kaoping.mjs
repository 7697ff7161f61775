#!/usr/bin/env node
// The `kaoping` command: loads the TypeScript CLI through tsx so no build step is needed.
import { register } from 'tsx/esm/api';
import { register as registerHooks } from 'node:module';

registerHooks('./bundled-deps.mjs', import.meta.url);
register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
