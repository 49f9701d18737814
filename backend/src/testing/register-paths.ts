import { join } from 'node:path';
import { loadConfig, register } from 'tsconfig-paths';

// Jest loads global setup with plain Node resolution (no moduleNameMapper): teach it the workspace aliases.
const config = loadConfig(join(__dirname, '..', '..', '..', 'tsconfig.base.json'));
if (config.resultType === 'failed') throw new Error(config.message);
register({ baseUrl: config.absoluteBaseUrl, paths: config.paths });
