// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'storybook-static/', 'node_modules/', '.cache/', 'test/e2e/.artifacts/', 'examples/*/dist/', 'examples/*/dist-ssr/', '*.config.*', '.storybook/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  wcConfigs['flat/recommended'],
  litConfigs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser } },
    // Without this, eslint-plugin-wc only recognises classes that extend HTMLElement directly.
    settings: { wc: { elementBaseClasses: ['LitElement', 'GentleElement'] } },
  },
  {
    files: ['test/e2e/**/*.mjs', 'scripts/**/*.mjs', '*.mjs', 'test/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
