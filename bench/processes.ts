// The processes a run starts: the built server, the floor, and the child scripts (statement
// counter, load generator), each in its own process; plus reading a process's memory from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

export interface Service {
  name: string;
  child: ChildProcess;
  url: string;
  output: () => string;
}

export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as { port: number };
  probe.close();
  return port;
}

/** Starts a long-running HTTP process on a free port and resolves once it answers /health. */
export async function startService(name: string, args: string[], env: Record<string, string>): Promise<Service> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const service = { name, child, url: `http://127.0.0.1:${port}`, output: () => output };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}): ${output}`);
    try {
      if ((await fetch(`${service.url}/health`)).ok) return service;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`${name} did not answer /health within 120 s: ${output}`);
}

export async function stopService(service: Service): Promise<void> {
  if (service.child.exitCode !== null) return;
  const exited = once(service.child, "exit");
  service.child.kill("SIGTERM");
  const timer = setTimeout(() => service.child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Runs a script to completion in its own process and parses the JSON it prints last. */
export async function runJson<T>(args: string[], env: Record<string, string> = {}): Promise<T> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) throw new Error(`${args.join(" ")} failed (${code}):\n${stderr.slice(-4000)}`);
  const last = stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(last) as T;
}

/** Memory of a process in MiB: resident now and the peak since the last reset. */
export function memory(pid: number): { rssMiB: number; peakRssMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rssMiB: Math.round(kib("VmRSS") / 1024), peakRssMiB: Math.round(kib("VmHWM") / 1024) };
}

/**
 * Resets the peak (VmHWM) to the current RSS, so the next reading is the peak of what ran in
 * between (Linux: writing 5 to clear_refs). Returns false where that is not allowed; the peak then
 * covers the process's whole life so far.
 */
export function resetPeakMemory(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}
