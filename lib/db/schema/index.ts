export * from "./users";
export * from "./audit";
export * from "./inventory";
export * from "./jobs";
export * from "./settings";
export * from "./cluster";
export * from "./call-flags";
