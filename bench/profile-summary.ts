// Where the server's CPU goes: a V8 .cpuprofile (node --cpu-prof) summarised into layers by the
// sampled frames' script URL and function name. Each sample's time goes to its innermost frame that
// belongs to a known layer; frames shared by several layers (V8 builtins, graphql-js's visitor and
// type helpers, Node's event plumbing) take the layer of their nearest caller that has one.
// Native work is charged by V8 to the JavaScript frame that called it, so SQLite's own execution
// shows up under the driver, and JSON.stringify under whoever called it.
// Standalone: npx tsx bench/profile-summary.ts <file.cpuprofile> [--from S] [--to S]
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Seconds since the profile started that were summarised. */
  window: { fromSeconds: number; toSeconds: number };
  /** Busy (non-idle) CPU time in the window, ms. */
  busyMs: number;
  /** Idle share of the window, percent (the server waiting for the network or the database). */
  idlePercent: number;
  /** Share of busy time per layer, percent, largest first. */
  layers: { layer: string; percent: number; ms: number }[];
  /** The functions with the most self time, for a closer look. */
  topFunctions: { function: string; layer: string; percent: number }[];
}

export const LAYERS = {
  parse: "graphql-js parse",
  validate: "graphql-js validate",
  execute: "GraphQL execution (@graphql-tools/executor, graphql-js)",
  pothos: "Pothos (field resolution, Prisma selection mapping)",
  prismaCompiler: "Prisma query compiler (WebAssembly)",
  prismaRuntime: "Prisma client runtime (request building, plan interpretation, result mapping)",
  driver: "Driver: Prisma adapter + better-sqlite3 / pg (incl. SQLite's own work)",
  json: "JSON serialisation (response)",
  http: "HTTP: Yoga, whatwg-node, node:http",
  app: "Parley code (dist/src: plugins, resolvers, labels)",
  gc: "Garbage collection",
  startup: "Module loading",
  other: "Other (V8, Node runtime)",
} as const;

type Layer = (typeof LAYERS)[keyof typeof LAYERS];

/** The layer a frame belongs to, or null when it is shared and its caller decides. */
export function layerOf(url: string, functionName: string): Layer | null {
  if (functionName === "(garbage collector)") return LAYERS.gc;
  if (functionName === "(program)") return LAYERS.other;
  if (/result-processor\/stringify|\bstringify\b/i.test(url) || /^(jsonStringify\w*|stringify)$/.test(functionName) && url !== "") return LAYERS.json;
  if (/\/graphql\/language\/(parser|lexer|source|blockString|characterClasses|tokenKind)\.m?js/.test(url)) return LAYERS.parse;
  if (/\/graphql\/validation\//.test(url)) return LAYERS.validate;
  if (/\/graphql\/execution\/|@graphql-tools\/(executor|utils)\//.test(url)) return LAYERS.execute;
  if (/@pothos\//.test(url)) return LAYERS.pothos;
  if (/^wasm:\/\/|query_compiler_bg/.test(url)) return LAYERS.prismaCompiler;
  if (/@prisma\/(client|debug|client-runtime-utils)\//.test(url)) return LAYERS.prismaRuntime;
  if (/@prisma\/(adapter-|driver-adapter-utils)|\/better-sqlite3\/|\/(pg|pg-pool|pg-protocol|pg-types|pg-cloudflare|pgpass|postgres-[a-z]+)\//.test(url)) return LAYERS.driver;
  if (/graphql-yoga|@graphql-yoga|@envelop|@whatwg-node|^node:(_http|http|net|stream|internal\/(http|streams|stream_base_commons|encoding|url)|events)/.test(url)) return LAYERS.http;
  if (/\/dist\/src\//.test(url)) return LAYERS.app;
  if (/^node:internal\/modules\//.test(url)) return LAYERS.startup;
  if (/\/node_modules\//.test(url) && !/\/graphql\//.test(url)) return LAYERS.other;
  return null; // builtins (no url), graphql-js helpers shared by phases, Node's task queues and timers
}

export function summarizeProfile(profile: CpuProfile, window?: { fromSeconds: number; toSeconds: number }): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

  const layerCache = new Map<number, Layer>();
  const resolveLayer = (id: number): Layer => {
    const cached = layerCache.get(id);
    if (cached) return cached;
    let layer: Layer | null = null;
    for (let current: number | undefined = id; current !== undefined && !layer; current = parents.get(current)) {
      const frame = nodes.get(current)?.callFrame;
      if (frame) layer = layerOf(frame.url, frame.functionName);
    }
    // A shared graphql-js helper with no layered caller (rare) is execution's.
    const frame = nodes.get(id)?.callFrame;
    const resolved = layer ?? (frame && /\/graphql\//.test(frame.url) ? LAYERS.execute : LAYERS.other);
    layerCache.set(id, resolved);
    return resolved;
  };

  const from = window ? profile.startTime + window.fromSeconds * 1e6 : -Infinity;
  const to = window ? profile.startTime + window.toSeconds * 1e6 : Infinity;
  const byLayer = new Map<Layer, number>();
  const byFunction = new Map<string, { layer: Layer; us: number }>();
  let busy = 0;
  let idle = 0;
  let time = profile.startTime;
  for (let index = 0; index < profile.samples.length; index++) {
    time += profile.timeDeltas[index] ?? 0;
    if (time < from || time > to) continue;
    // A sample stands for the interval until the next one.
    const us = profile.timeDeltas[index + 1] ?? 0;
    const node = nodes.get(profile.samples[index] as number);
    if (!node) continue;
    if (node.callFrame.functionName === "(idle)") {
      idle += us;
      continue;
    }
    busy += us;
    const layer = resolveLayer(node.id);
    byLayer.set(layer, (byLayer.get(layer) ?? 0) + us);
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || "(anonymous)"} ${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/dist\//, "dist/")}:${lineNumber + 1}`;
    const entry = byFunction.get(name) ?? { layer, us: 0 };
    entry.us += us;
    byFunction.set(name, entry);
  }

  const percent = (us: number) => Math.round((1000 * us) / Math.max(1, busy)) / 10;
  const start = window?.fromSeconds ?? 0;
  return {
    window: { fromSeconds: Math.round(start * 10) / 10, toSeconds: Math.round((window?.toSeconds ?? (profile.endTime - profile.startTime) / 1e6) * 10) / 10 },
    busyMs: Math.round(busy / 1000),
    idlePercent: Math.round((1000 * idle) / Math.max(1, idle + busy)) / 10,
    layers: [...byLayer]
      .sort((a, b) => b[1] - a[1])
      .map(([layer, us]) => ({ layer, percent: percent(us), ms: Math.round(us / 1000) })),
    topFunctions: [...byFunction]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, 15)
      .map(([name, { layer, us }]) => ({ function: name, layer, percent: percent(us) })),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { from: { type: "string" }, to: { type: "string" } } });
  const [file] = positionals;
  if (!file) {
    console.error("usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [--from S] [--to S]");
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const window = values.from || values.to ? { fromSeconds: Number(values.from ?? 0), toSeconds: Number(values.to ?? Infinity) } : undefined;
  const summary = summarizeProfile(profile, window);
  console.log(`busy ${summary.busyMs} ms, idle ${summary.idlePercent}% of the window`);
  for (const { layer, percent } of summary.layers) console.log(`${percent.toFixed(1).padStart(5)}%  ${layer}`);
  console.log("\ntop self time:");
  for (const entry of summary.topFunctions) console.log(`${entry.percent.toFixed(1).padStart(5)}%  ${entry.function}  [${entry.layer}]`);
}
