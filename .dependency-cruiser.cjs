// The boundaries between the rooms, checked by `npm run lint` (and the lint layer of `npm test`).
// docs/ARCHITECTURE.md ("Rules that are checked") says the same in prose; change both together.
// Type-only imports count (tsPreCompilationDeps): a circle of types is still a circle.

/** Node built-ins that reach outside the process: files, processes, network, threads. */
const IO_BUILTINS = '^(node:)?(fs|fs/promises|child_process|net|tls|dgram|dns|http|https|http2|worker_threads|cluster|readline|inspector|os|process|v8|vm)$';
const VSCODE = '^vscode$|^vscode-|(^|/)node_modules/(@types/)?vscode';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import circles anywhere, type-only imports included.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'engine-no-io',
      severity: 'error',
      comment: 'The engine (server/src/analysis) is pure: text in, analyses out. Files, processes and threads belong to corpus/, cli/ and lsp/.',
      from: { path: '^server/src/analysis/' },
      to: { dependencyTypes: ['core'], path: IO_BUILTINS },
    },
    {
      name: 'engine-no-vscode',
      severity: 'error',
      comment: 'The engine knows nothing of VS Code or the language server protocol.',
      from: { path: '^server/src/analysis/' },
      to: { path: VSCODE },
    },
    {
      name: 'engine-no-outer-rooms',
      severity: 'error',
      comment: 'The engine imports only its own files and npm packages: not labels, corpus, lsp, cli, format or shared.',
      from: { path: '^server/src/analysis/' },
      to: { path: '^(server/src/(labels|corpus|lsp|cli|format)/|shared/)' },
    },
    {
      name: 'client-only-shared',
      severity: 'error',
      comment: 'The client talks to the server over LSP only: it imports shared/ and npm packages, never server/.',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'shared-stands-alone',
      severity: 'error',
      comment: 'shared/ is the protocol both sides import; it imports neither side.',
      from: { path: '^shared/' },
      to: { path: '^(server|client)/' },
    },
    {
      name: 'nothing-imports-cli',
      severity: 'error',
      comment: 'The CLI is an entry point: only its own files (and tests) import it.',
      from: { path: '^(server|client|shared)/', pathNot: '^server/src/cli/' },
      to: { path: '^server/src/cli/' },
    },
    {
      name: 'nothing-imports-lsp',
      severity: 'error',
      comment: 'The language server is an entry point: only its own files (and tests) import it.',
      from: { path: '^(server|client|shared)/', pathNot: '^server/src/lsp/' },
      to: { path: '^server/src/lsp/' },
    },
    {
      name: 'labels-no-lsp-cli',
      severity: 'error',
      comment: 'Label files are a library the LSP and the CLI both use; it depends on neither.',
      from: { path: '^server/src/labels/' },
      to: { path: '^server/src/(lsp|cli)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing (a typo, or a missing dependency).',
      from: {},
      to: { couldNotResolve: true, pathNot: '^vscode$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|dist)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.d.ts', '.js', '.mjs', '.cjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
