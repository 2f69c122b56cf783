import { describe, expect, it } from "vitest";
import { guessMapping, looksLikeHeader } from "@/lib/jobs/prepare/columns";
import { JOB_SPECS } from "@/lib/jobs/prepare";
import { FILE_JOB_KINDS } from "@/lib/jobs/kinds";
import { jobTemplateCsv, templateHeader } from "@/lib/jobs/template";
import { csvLines, exportFileName } from "./csv";

describe("list exports", () => {
  it("writes the header once, quotes what needs it and keeps formulas from running", () => {
    expect(csvLines(["a", "b"], [], { header: true })).toBe("a,b\r\n");
    expect(csvLines(["a", "b"], [["x", 'say "hi", ok']], { header: true })).toBe('a,b\r\nx,"say ""hi"", ok"\r\n');
    expect(csvLines(["a"], [["=1+1"], ["+17275550100"]], { header: false })).toBe("\"'=1+1\"\r\n+17275550100\r\n");
    expect(csvLines(["a"], [], { header: false })).toBe("");
  });

  it("names the file after the list and the time it was taken", () => {
    expect(exportFileName("dids", new Date("2026-11-30T07:04:59Z"))).toBe("dids-20261130-0704.csv");
  });
});

describe("job templates", () => {
  it.each(FILE_JOB_KINDS)("the %s template's header maps back onto every column of the job", (kind) => {
    const header = templateHeader(kind);
    const csv = jobTemplateCsv(kind);
    expect(csv).toBe(`${header.join(",")}\r\n`);
    const columns = JOB_SPECS[kind].columns;
    expect(looksLikeHeader(header, columns)).toBe(true);
    const mapping = guessMapping([header], true, columns, []);
    for (const [i, column] of columns.entries()) expect(mapping[column.key]).toBe(i);
  });
});
