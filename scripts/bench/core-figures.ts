import {
  decisionPathRate,
  ed25519VerifyRate,
  fileStoreRate,
  handshakeRate,
  smallTableRate,
  type DecisionFigures,
} from "./core-bench";
import { budget, info, median, perSecond, repeat, runs, type Figure } from "./report";

// The mock core's figures: the decision path judged, the rest to explain it. Ed25519 is
// measured on its own and is not part of the decision budget.

const rates = (figures: DecisionFigures[]) => figures.map((r) => r.perSecond);
const cpuRate = (figures: DecisionFigures[]) =>
  perSecond(median(figures.map((r) => r.perCpuSecond)));

export async function coreFigures(): Promise<Figure[]> {
  // Untimed rounds first, one of each path as judged, so the judged figure is not the JIT
  // compiling the core (a first 20,000 ran at half the rate per CPU second of later ones).
  await decisionPathRate(20_000);
  await decisionPathRate(2_000, { answer: true });
  const big = await repeat(() => decisionPathRate(20_000));
  const small = await repeat(() => smallTableRate(200, 50));
  const answered = await repeat(() => decisionPathRate(20_000, { answer: true }));
  const files = await repeat(() => fileStoreRate(20_000));
  const verify = await repeat(() => ed25519VerifyRate(2_000));
  const handshakes = await repeat(() => handshakeRate(300, 50));
  return [
    budget(
      "decision path (ingress, locality, silent, bookkeeping, batched save), 20,000 connects",
      runs(rates(big), perSecond),
      "≥ 20,000/s",
      median(rates(big)) >= 20_000,
      `${big[0]?.pendingAtEnd} left pending, ${big[0]?.hellos} granted hello; in-memory store, the last save (${Math.round(big[0]?.lastSaveMs ?? 0)} ms) timed; per CPU second ${cpuRate(big)}; Ed25519 not included (below)`,
    ),
    info("  same path, pending table kept ≤ 100", runs(small, perSecond)),
    info(
      "  whole admitDevice: plus events to an open approval console, refusal / hello-ok frames",
      runs(rates(answered), perSecond),
      `per CPU second ${cpuRate(answered)}`,
    ),
    info(
      "  whole admitDevice, a turn per connect, saved to pending.json / paired.json on disk",
      runs(rates(files), perSecond),
    ),
    info("  Ed25519 importKey + verify alone", runs(verify, perSecond)),
    info(
      "  whole handshakes in-process (client signing included), 300, 50 at once",
      runs(
        handshakes.map((r) => r.perSecond),
        perSecond,
      ),
    ),
  ];
}
