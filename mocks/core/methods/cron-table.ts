// A tiny in-memory cron table: enough for "reading works, writing needs admin" (spec §3).

export type CronJob = {
  id: string;
  name: string;
  schedule: string;
  enabled: boolean;
  createdAtMs: number;
  updatedAtMs: number;
};

export class CronTable {
  private readonly jobs = new Map<string, CronJob>();
  private nextId = 1;

  list(): CronJob[] {
    return [...this.jobs.values()].map((job) => ({ ...job }));
  }

  add(name: string, schedule: string, enabled: boolean, now: number): CronJob {
    const job = {
      id: `job-${this.nextId++}`,
      name,
      schedule,
      enabled,
      createdAtMs: now,
      updatedAtMs: now,
    };
    this.jobs.set(job.id, job);
    return { ...job };
  }

  update(id: string, patch: Partial<Pick<CronJob, "name" | "schedule" | "enabled">>, now: number) {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    Object.assign(job, patch, { updatedAtMs: now });
    return { ...job };
  }

  remove(id: string): boolean {
    return this.jobs.delete(id);
  }
}
