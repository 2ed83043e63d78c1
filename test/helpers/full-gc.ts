// A full garbage collection on demand, for tests about memory: V8's gc(), exposed for the caller only.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

export function fullGc(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}
