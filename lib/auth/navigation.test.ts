import { describe, expect, it } from "vitest";
import { navFor } from "./navigation";

const labels = (role: Parameters<typeof navFor>[0]) => navFor(role).map((i) => i.label);

describe("navigation by role", () => {
  it("gives admins every section", () => {
    expect(labels("admin")).toEqual(["Overview", "DIDs", "Phones", "Phone aliases", "CID groups", "Call lookup", "Bulk jobs", "Audit log", "Users", "Settings"]);
  });

  it("shows QA only what QA may use", () => {
    expect(labels("qa")).toEqual(["Overview", "DIDs", "Call lookup"]);
  });

  it("keeps CID groups and call lookup away from provisioning, but lets them see their own audit entries", () => {
    expect(labels("provisioning")).toEqual(["Overview", "DIDs", "Phones", "Phone aliases", "Bulk jobs", "Audit log"]);
  });

  it("does not offer user management to supervisors", () => {
    expect(labels("supervisor")).not.toContain("Users");
  });
});
