import { beforeEach, describe, expect, it } from "vitest";
import { OUTSIDE_ACTOR } from "@/lib/audit/outside";
import { recordAudit } from "@/lib/audit/record";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { lastChange } from "./last-change";

const row = (origin: string) => ({ updatedAt: new Date("2026-11-30T10:00:00Z"), updatedBy: "someone", origin });
let n = 0;

describe.each(testBackends())("a record's last change on %s", (backend) => {
  useTestDatabase(backend);
  let target = "";
  beforeEach(() => {
    target = `+1727555${String(++n).padStart(4, "0")}`;
  });

  it("is the dashboard's when the newest successful entry names a dashboard user", async () => {
    await recordAudit({ actor: OUTSIDE_ACTOR, action: "did.appeared", target, outcome: "success" });
    await recordAudit({ actor: { id: 4, username: "sup.sam", role: "supervisor" }, action: "did.update", target, outcome: "success" });
    // A refused attempt changed nothing: it does not count.
    await recordAudit({ actor: OUTSIDE_ACTOR, action: "did.changed_outside", target, outcome: "failed" });
    expect(await lastChange("did", target, row("cluster"))).toEqual({
      at: new Date("2026-11-30T10:00:00Z"),
      by: "someone",
      where: "dashboard",
      auditHref: `/audit?resource=did&target=${encodeURIComponent(target)}`,
    });
  });

  it("is outside the dashboard when the sync recorded the newest change", async () => {
    await recordAudit({ actor: { id: 4, username: "sup.sam", role: "supervisor" }, action: "did.update", target, outcome: "success" });
    await recordAudit({ actor: OUTSIDE_ACTOR, action: "did.changed_outside", target, outcome: "success" });
    expect((await lastChange("did", target, row("dashboard"))).where).toBe("outside");
  });

  it("without any entry, follows how the row came to be listed", async () => {
    expect((await lastChange("did", target, row("dashboard"))).where).toBe("dashboard");
    expect((await lastChange("did", target, row("cluster"))).where).toBe("outside");
  });

  it("does not count listing an existing record by hand as a change", async () => {
    await recordAudit({ actor: { id: 4, username: "sup.sam", role: "supervisor" }, action: "did.add_existing", target, outcome: "success" });
    expect((await lastChange("did", target, row("existing"))).where).toBe("unknown");
    await recordAudit({ actor: { id: 4, username: "sup.sam", role: "supervisor" }, action: "did.update", target, outcome: "success" });
    expect((await lastChange("did", target, row("existing"))).where).toBe("dashboard");
  });
});
