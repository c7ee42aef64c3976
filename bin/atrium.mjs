#!/usr/bin/env node
// `npx atrium <command>`: installs packages if needed, builds the web app before `start`, then runs the CLI.
import { ensureInstalled, ensureWebBuilt, runCli } from '../scripts/bootstrap.mjs';

const argv = process.argv.slice(2);
ensureInstalled();
if (argv[0] === 'start' && !argv.includes('--help')) ensureWebBuilt();
await runCli(argv);
