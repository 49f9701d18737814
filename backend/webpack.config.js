const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../dist/backend'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      // The worker and the migration runner are separate processes built from the same code.
      additionalEntryPoints: [
        { entryName: 'worker', entryPath: './src/worker.ts' },
        { entryName: 'migrate', entryPath: './src/migrate.ts' },
        { entryName: 'seed', entryPath: './src/seed.ts' },
        { entryName: 'reindex', entryPath: './src/reindex.ts' },
        { entryName: 'open-data', entryPath: './src/open-data.ts' },
      ],
      tsConfig: './tsconfig.app.json',
      // Shipped reference data, read by migrate.js (see modules/reference-data/data/SOURCES.md).
      assets: [{ input: './src/modules/reference-data/data', glob: '*.csv', output: './reference-data' }],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      sourceMap: true,
    }),
  ],
};
