import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { PersistedState, StateStore } from "../core/types";

// Node-only StateStore: `pending.json` and `paired.json` in a state folder, pretty-printed.
// Each file is written to a temp file and renamed over the old one, so a crash mid-write
// leaves the previous file whole; saves are chained so two can never interleave.

export const PENDING_FILE = "pending.json";
export const PAIRED_FILE = "paired.json";

async function readJsonArray<T>(path: string): Promise<T[] | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) throw new Error(`${path} does not hold a JSON array`);
  return value as T[];
}

let tempCounter = 0;

export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  tempCounter += 1;
  const temp = `${path}.${process.pid}.${tempCounter}.tmp`;
  await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, "utf8");
  await rename(temp, path);
}

export function createFileStateStore(dir: string): StateStore {
  let queue: Promise<void> = Promise.resolve();
  return {
    async load() {
      await queue;
      const pending = await readJsonArray<PersistedState["pending"][number]>(
        join(dir, PENDING_FILE),
      );
      const paired = await readJsonArray<PersistedState["paired"][number]>(join(dir, PAIRED_FILE));
      if (!pending && !paired) return undefined;
      return { pending: pending ?? [], paired: paired ?? [] };
    },
    save(state) {
      const run = async () => {
        await mkdir(dir, { recursive: true });
        await writeJsonAtomic(join(dir, PENDING_FILE), state.pending);
        await writeJsonAtomic(join(dir, PAIRED_FILE), state.paired);
      };
      const next = queue.then(run);
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
