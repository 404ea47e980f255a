// One lint configuration for every workspace: typescript-eslint's recommended rules with type
// information (so a floating promise fails), plus the house rules (no console in services: pino
// carries the correlation id).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/gen/**",
      "var/**",
      "coverage/**",
      "**/*.js",
      "**/*.mjs",
      "**/*.cjs",
      // Deliberately bad imports that prove the dependency rules bite; not part of any program.
      "test/architecture/fixture/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      // Further bugs type information shows: awaiting what is no promise, rejecting or throwing what is no Error.
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/prefer-promise-reject-errors": "error",
      "@typescript-eslint/only-throw-error": "error",
      "@typescript-eslint/no-base-to-string": "error",
      "no-console": "error",
    },
  },
  {
    // Tests, benchmarks and the command-line tools print on purpose; tests read JSON answers untyped.
    files: ["**/test/**", "e2e/**", "bench/**", "deploy/**"],
    rules: { "no-console": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
);
