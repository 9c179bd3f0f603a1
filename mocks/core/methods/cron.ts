import { METHODS } from "../../../src/protocol";
import { checkParams, invalid } from "./params";
import type { MethodHandler } from "./types";

// cron.*: reading needs operator.read, writing operator.admin (checked before these run); the
// params are the protocol's. The table is a toy: enough for "allowed or not" and a list.

export const cronHandlers: Record<string, MethodHandler> = {
  [METHODS.cronList]: ({ ctx, method, params }) => {
    const read = checkParams(method, params);
    return read.ok ? { ok: true, payload: { jobs: ctx.cron.list() } } : read.result;
  },
  [METHODS.cronStatus]: ({ ctx, method, params }) => {
    const read = checkParams(method, params);
    if (!read.ok) return read.result;
    return { ok: true, payload: { enabled: true, jobs: ctx.cron.list().length } };
  },
  [METHODS.cronAdd]: ({ ctx, method, params }) => {
    const read = checkParams(method, params);
    if (!read.ok) return read.result;
    const { name, schedule, enabled } = read.values;
    const job = ctx.cron.add(
      String(name),
      JSON.stringify(schedule),
      enabled !== false,
      ctx.clock.now(),
    );
    return { ok: true, payload: job };
  },
  [METHODS.cronUpdate]: ({ ctx, method, params }) => {
    const read = checkParams(method, params);
    if (!read.ok) return read.result;
    const id = String(read.values.id ?? read.values.jobId);
    const job = ctx.cron.update(id, {}, ctx.clock.now());
    return job ? { ok: true, payload: job } : invalid(`unknown cron job id: ${id}`);
  },
  [METHODS.cronRemove]: ({ ctx, method, params }) => {
    const read = checkParams(method, params);
    if (!read.ok) return read.result;
    const id = String(read.values.id ?? read.values.jobId);
    return ctx.cron.remove(id)
      ? { ok: true, payload: { id, removed: true } }
      : invalid(`unknown cron job id: ${id}`);
  },
};
