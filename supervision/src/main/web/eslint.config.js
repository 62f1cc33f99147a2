// Lints the dashboard's scripts (ES modules in ../resources/META-INF/resources/dashboard); run by
// the Maven build (`npm run lint`) after `npm ci`, so a lint error fails the build like a test.
import js from '@eslint/js';
import globals from 'globals';

// run from src/main (see package.json): the scripts live beside this directory, not under it
export default [
  js.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      // echarts is the one classic script (vendor/echarts.min.js) the page loads before the modules
      globals: { ...globals.browser, echarts: 'readonly' }
    },
    rules: {
      'no-implicit-globals': 'error',
      'no-var': 'error',
      'prefer-const': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }]
    }
  },
  {
    // the verifier's test runs under Node (`npm test`), with the browser's globals it stubs
    files: ['web/test/**/*.js'],
    languageOptions: { globals: { ...globals.node } }
  }
];
