import { METHODS } from "../../../src/protocol";
import { invalid, requireStrings } from "./params";
import type { MethodHandler } from "./types";

// cron.*: reading needs operator.read, writing operator.admin (checked before these run).

export const cronHandlers: Record<string, MethodHandler> = {
  [METHODS.cronList]: ({ ctx }) => ({ ok: true, payload: { jobs: ctx.cron.list() } }),
  [METHODS.cronStatus]: ({ ctx }) => ({
    ok: true,
    payload: { enabled: true, jobs: ctx.cron.list().length },
  }),
  [METHODS.cronAdd]: ({ ctx, method, params }) => {
    const read = requireStrings(method, params, ["name", "schedule"]);
    if (!read.ok) return read.result;
    const enabled = params.enabled !== false;
    return {
      ok: true,
      payload: ctx.cron.add(read.values.name, read.values.schedule, enabled, ctx.clock.now()),
    };
  },
  [METHODS.cronUpdate]: ({ ctx, method, params }) => {
    const read = requireStrings(method, params, ["id"]);
    if (!read.ok) return read.result;
    const patch = typeof params.patch === "object" && params.patch !== null ? params.patch : {};
    const { name, schedule, enabled } = patch as Record<string, unknown>;
    const job = ctx.cron.update(
      read.values.id,
      {
        ...(typeof name === "string" ? { name } : {}),
        ...(typeof schedule === "string" ? { schedule } : {}),
        ...(typeof enabled === "boolean" ? { enabled } : {}),
      },
      ctx.clock.now(),
    );
    return job ? { ok: true, payload: job } : invalid(`unknown cron job id: ${read.values.id}`);
  },
  [METHODS.cronRemove]: ({ ctx, method, params }) => {
    const read = requireStrings(method, params, ["id"]);
    if (!read.ok) return read.result;
    const removed = ctx.cron.remove(read.values.id);
    return removed
      ? { ok: true, payload: { id: read.values.id, removed: true } }
      : invalid(`unknown cron job id: ${read.values.id}`);
  },
};
