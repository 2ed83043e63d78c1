// The layering of src/ (docs/architecture.md), checked by `npm run lint`. Imports run one way:
//
//   server.ts → yoga.ts → http/, graphiql/, guards/, observability/ → schema/ → db/, search/ → config/, lib/
//
// Each rule names a direction that must not be taken; the message says what to do instead.
const layer = (...folders) => `^src/(${folders.join("|")})/`;
const doors = "^src/(server|yoga)\\.ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: "nothing-imports-server",
      comment: "src/server.ts is the entry point: it binds the port at import. Import what it imports instead.",
      severity: "error",
      from: {},
      to: { path: "^src/server\\.ts$" },
    },
    {
      name: "only-server-imports-yoga",
      comment: "src/yoga.ts assembles the whole server; inside src/ only server.ts uses it (tests may).",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/server\\.ts$" },
      to: { path: "^src/yoga\\.ts$" },
    },
    {
      name: "no-loose-files-in-src",
      comment: "Only the two doors (server.ts, yoga.ts) live at the top of src/; put a new module in the folder of its layer.",
      severity: "error",
      from: {},
      to: { path: "^src/[^/]+$", pathNot: doors },
    },
    {
      name: "no-loose-files-in-src-importing",
      comment: "Only the two doors (server.ts, yoga.ts) live at the top of src/; put a new module in the folder of its layer.",
      severity: "error",
      from: { path: "^src/[^/]+$", pathNot: doors },
      to: {},
    },
    {
      name: "no-orphans-in-src",
      comment: "A module of src/ that nothing imports is dead code, or a loose file: import it from its layer or remove it.",
      severity: "error",
      from: { orphan: true, path: "^src/", pathNot: "^src/server\\.ts$" },
      to: {},
    },
    {
      name: "schema-not-above",
      comment:
        "src/schema/ defines the data the API serves; it never reaches up into the HTTP server, GraphiQL, the guards or the observability plugins that wrap it (guards read the schema, not the other way round).",
      severity: "error",
      from: { path: layer("schema") },
      to: { path: [layer("http", "graphiql", "guards", "observability"), doors] },
    },
    {
      name: "db-not-above",
      comment: "src/db/ is the storage layer: it never imports the schema, guards, HTTP server, GraphiQL or observability.",
      severity: "error",
      from: { path: layer("db") },
      to: { path: [layer("schema", "http", "graphiql", "guards", "observability"), doors] },
    },
    {
      name: "search-is-below-the-schema",
      comment: "src/search/ builds and queries the search index from rows it is given; it imports only lib/ and generated types.",
      severity: "error",
      from: { path: layer("search") },
      to: { path: "^src/", pathNot: [layer("search", "lib", "generated")] },
    },
    {
      name: "guards-not-above",
      comment: "src/guards/ checks operations inside Yoga; it knows nothing of the Node HTTP server or GraphiQL.",
      severity: "error",
      from: { path: layer("guards") },
      to: { path: [layer("http", "graphiql"), doors] },
    },
    {
      name: "http-not-schema",
      comment: "src/http/ serves whatever Yoga it is handed; it never reaches into the schema or GraphiQL.",
      severity: "error",
      from: { path: layer("http") },
      to: { path: [layer("schema", "graphiql"), doors] },
    },
    {
      name: "observability-not-above",
      comment: "src/observability/ reports what requests did; it never depends on the layers it observes.",
      severity: "error",
      from: { path: layer("observability") },
      to: { path: [layer("http", "graphiql", "guards", "schema"), doors] },
    },
    {
      name: "graphiql-is-self-contained",
      comment: "src/graphiql/ is a page and its assets; it needs nothing else of src/.",
      severity: "error",
      from: { path: layer("graphiql") },
      to: { path: "^src/", pathNot: layer("graphiql") },
    },
    {
      name: "lib-is-pure",
      comment: "src/lib/ holds pure helpers: they import nothing else of src/ (not even generated types), so any layer can use them.",
      severity: "error",
      from: { path: layer("lib") },
      to: { path: "^src/", pathNot: layer("lib") },
    },
    {
      name: "config-is-a-leaf",
      comment: "src/config/ reads the environment once; it imports nothing else of src/.",
      severity: "error",
      from: { path: layer("config") },
      to: { path: "^src/", pathNot: layer("config") },
    },
    {
      name: "no-cycles-outside-schema",
      comment:
        "Import cycles make load order matter. src/schema/ is exempt: its filter inputs refer to each other on purpose (a meeting filter has delegation filters, which have meeting filters).",
      severity: "error",
      from: { path: "^src/", pathNot: layer("schema") },
      to: { circular: true },
    },
    {
      name: "no-dev-dependencies-in-src",
      comment: "A production install (npm ci --omit=dev) has no devDependencies: the server may not import them.",
      severity: "error",
      from: { path: "^src/" },
      to: { dependencyTypes: ["npm-dev"], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "no-unresolvable-imports",
      comment: "An import that resolves to nothing fails at run time.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    includeOnly: "^(src|seed)/",
    exclude: { path: "^src/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".js", ".json"],
    },
  },
};
