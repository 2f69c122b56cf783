import { csvLines } from "@/lib/export/csv";
import type { FileJobKind } from "./kinds";
import { JOB_SPECS } from "./prepare";

/**
 * A job kind's CSV template: one header row naming every column the job reads, by its VICIdial-style
 * snake_case name where it has one (the wizard maps those names back without asking). No example row:
 * a template uploaded unchanged must not add a made-up DID or phone.
 */
export function templateHeader(kind: FileJobKind): string[] {
  const apiName = /^[a-z_]+$/;
  return JOB_SPECS[kind].columns.map((column) => (apiName.test(column.key) ? column.key : (column.aliases.find((alias) => apiName.test(alias)) ?? column.key)));
}

export function jobTemplateCsv(kind: FileJobKind): string {
  return csvLines(templateHeader(kind), [], { header: true });
}
