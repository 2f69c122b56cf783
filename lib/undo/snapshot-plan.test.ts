import { describe, expect, it } from "vitest";
import { chosenFields, snapshotStep } from "./snapshot-plan";

const FIELDS = [
  { field: "route", label: "Route" },
  { field: "description", label: "Description" },
  { field: "active", label: "Active" },
];

describe("an undo step from a snapshot", () => {
  it("reverts only the fields the change changed, and marks those changed since", () => {
    const step = snapshotStep(
      "7275550001",
      { route: "EXTEN", description: "Sales", active: "Y" },
      { route: "CALLMENU", description: "Menu", active: "Y" },
      { route: "CALLMENU", description: "Edited later", active: "N" },
      FIELDS,
    );
    expect(step.op).toBe("revert");
    expect(step.blocked).toBeUndefined();
    expect(step.fields).toEqual([
      { field: "route", label: "Route", before: "EXTEN", after: "CALLMENU", current: "CALLMENU", changed: false },
      { field: "description", label: "Description", before: "Sales", after: "Menu", current: "Edited later", changed: true },
    ]);
    expect(chosenFields(step, true).map((f) => f.field)).toEqual(["route"]);
    expect(chosenFields(step, false).map((f) => f.field)).toEqual(["route", "description"]);
  });

  it("deletes what an add made, and cannot when it is gone already", () => {
    const added = { route: "EXTEN", description: "New", active: true };
    const step = snapshotStep("7275550002", null, added, { route: "EXTEN", description: "New", active: "Y" }, FIELDS);
    expect(step).toMatchObject({ op: "delete", blocked: undefined });
    expect(step.fields.every((f) => !f.changed)).toBe(true);
    expect(snapshotStep("7275550002", null, added, null, FIELDS).blocked).toBe("7275550002 no longer exists");
  });

  it("re-creates what a delete removed, unless it exists again", () => {
    const deleted = { route: "EXTEN", description: "Old", active: "Y" };
    expect(snapshotStep("7275550003", deleted, null, null, FIELDS)).toMatchObject({ op: "recreate", blocked: undefined });
    expect(snapshotStep("7275550003", deleted, null, deleted, FIELDS).blocked).toBe("7275550003 exists again");
  });

  it("treats empty, null and absent alike, and booleans as Y/N", () => {
    const step = snapshotStep("x", { route: "", active: true }, { route: null, active: "Y" }, { active: "Y" }, FIELDS);
    expect(step.blocked).toBe("This change changed nothing that undo could put back");
  });
});
