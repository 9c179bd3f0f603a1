export * from "./names";
export * from "./errors";
export * from "./pair-records";
export * from "./frames";
export * from "./node-records";
