export * from "./names";
export * from "./errors";
export * from "./types";
export * from "./frames";
