#!/usr/bin/env node
// `npx mdm …`: builds on first use (SWC, a second or two), then runs the compiled CLI.
const { existsSync } = require('node:fs');
const { execSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist', 'src', 'cli.js');
if (!existsSync(cli)) execSync('npm run --silent build', { cwd: root, stdio: 'inherit' });
require(cli);
