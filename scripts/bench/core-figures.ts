import { decisionPathRate, ed25519VerifyRate, handshakeRate, smallTableRate } from "./core-bench";
import { budget, info, median, perSecond, repeat, runs, type Figure } from "./report";

// The mock core's figures: the decision path judged, the rest to explain it.

export async function coreFigures(): Promise<Figure[]> {
  const big = await repeat(() => decisionPathRate(20_000, false));
  const small = await repeat(() => smallTableRate(200, 50));
  const persisted = await repeat(() => decisionPathRate(2_000, true));
  const verify = await repeat(() => ed25519VerifyRate(2_000));
  const handshakes = await repeat(() => handshakeRate(300, 50));
  const rates = big.map((r) => r.perSecond);
  return [
    budget(
      "decision path (locality, silent, bookkeeping), 20,000 connects",
      runs(rates, perSecond),
      "≥ 20,000/s",
      median(rates) >= 20_000,
      `half stay pending: ${big[0]?.pendingAtEnd} pending at the end; no persistence`,
    ),
    info("  same path, pending table kept ≤ 100", runs(small, perSecond)),
    info(
      "  same path with admission.ts's state.persist() per pending request, 2,000 connects",
      runs(
        persisted.map((r) => r.perSecond),
        perSecond,
      ),
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
