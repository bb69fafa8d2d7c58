// ESLint flat config: typescript-eslint's recommended rules plus the project's import rules.
import tseslint from 'typescript-eslint';

const providerRoots = ['kubernetes', 'docker', 'vsphere'].map((name) => ({
  name: `@cdktf/provider-${name}`,
  message: `Import from @cdktf/provider-${name}/lib/<resource>: the package root loads every resource module (slow synth).`,
}));

export default tseslint.config(
  { ignores: ['node_modules/**', 'cdktf.out/**', 'dist/**', '**/*.js', '**/*.d.ts', '**/*.mjs', 'test/**/__snapshots__/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: providerRoots }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'quotes': ['error', 'single', { avoidEscape: true }],
      'semi': ['error', 'always'],
      'comma-dangle': ['error', 'always-multiline'],
      'eqeqeq': ['error', 'always'],
      'no-console': 'off',
      'prefer-const': 'error',
      'no-var': 'error',
    },
  },
  {
    // Library code never depends on test tooling.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...providerRoots, { name: 'cdktf/lib/testing', message: 'lib/ must not import test helpers.' }],
        patterns: [{ group: ['jest', '@jest/*', 'fast-check'], message: 'lib/ must not import test tooling.' }],
      }],
    },
  },
);
