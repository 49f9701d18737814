/**
 * Runs a bench that boots Nest modules: `node -r ./bench/register.cjs bench/….bench.ts`. tsx (esbuild) emits
 * no decorator metadata, which Nest's dependency injection needs; ts-node compiles with TypeScript itself
 * (backend/tsconfig.app.json through bench/tsconfig.json, transpile only) and tsconfig-paths resolves @eslabon/*.
 */
const { join } = require('node:path');

const root = join(__dirname, '..');
process.env.TS_NODE_PROJECT ??= join(__dirname, 'tsconfig.json');
process.env.TS_NODE_TRANSPILE_ONLY ??= 'true';
process.env.TS_NODE_BASEURL ??= root;
require('ts-node/register');
require('tsconfig-paths/register');
