// Lexicons are YAML files that the build bundles as plain data (scripts/build.mjs).
declare module '*.yaml' {
  const data: unknown;
  export default data;
}
