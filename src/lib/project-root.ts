// The project's root folder (the one with package.json), found from this module's location so that
// the same code works from src/ under tsx and from dist/ once built.
import { existsSync } from "node:fs";
import path from "node:path";

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findRoot(path.dirname(new URL(import.meta.url).pathname));
