import { ALLOWED_EXTRA_ORIGIN } from "./vocabulary";

/**
 * The real gateway's `gateway` config section for differential runs. Failed-auth rate limiting
 * is state shared by every sequence (per address or browser origin, one minute), which the mock
 * does not model: a zero window keeps one sequence's wrong tokens from changing the next
 * sequence's answers (docs/real-gateway-observations.md, "Not matched").
 */
export const DIFFERENTIAL_GATEWAY_CONFIG = {
  controlUi: { allowedOrigins: [ALLOWED_EXTRA_ORIGIN] },
  auth: { rateLimit: { windowMs: 0, lockoutMs: 0 } },
};
