import type { Page } from "@playwright/test";
import { expect, simulatorTable, test, vicidial, warmUp } from "./support/fixtures";

/**
 * Undo from the audit log (issue 16): a supervisor reroutes a DID by mistake and undoes it from
 * the audit log; an IT admin undoes a whole job of 20 phones. The simulator is shared and never
 * reset: the DID uses its own pattern, the phones extensions 86940-86959 (the jobs spec's are
 * 86901-86930), and each test removes what it made through VICIdial's API.
 */
const n = `${Date.now()}`.slice(-4);
const pattern = `727557${n}`;
const EXTENSIONS = Array.from({ length: 20 }, (_, i) => String(86940 + i));

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });
const simDid = async () => (await simulatorTable<{ did_pattern: string; did_route: string; extension: string; menu_id: string }>("dids")).find((d) => d.did_pattern === pattern);

test.describe("undo from the audit log", () => {
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(600_000);
    await warmUp(browser, ["/dids/new", "/audit", "/jobs/new/agents"]);
  });

  test("a DID rerouted by mistake goes back to its old route from the audit log, and both entries link to each other", async ({ asRole }) => {
    test.setTimeout(300_000);
    const page = await asRole("supervisor");
    try {
      await page.goto("/dids/new");
      const add = page.getByRole("form", { name: "Add DID" });
      await expect(async () => {
        await add.getByLabel("DID pattern").fill(pattern);
        await expect(add.getByLabel("DID pattern")).toHaveValue(pattern, { timeout: 2_000 });
      }).toPass();
      await add.getByLabel("Description", { exact: true }).fill(`Undo journey ${n}`);
      await add.getByLabel("Route", { exact: true }).selectOption("EXTEN");
      await add.getByLabel("Extension", { exact: true }).fill("8300");
      await add.getByRole("button", { name: "Add DID" }).click();
      await expect(heading(page, `DID ${pattern}`)).toBeVisible({ timeout: 60_000 });

      const edit = page.getByRole("form", { name: "Edit DID" });
      await edit.getByLabel("Route", { exact: true }).selectOption("CALLMENU");
      await edit.getByLabel("Call menu").fill("TESTMENU");
      await edit.getByRole("button", { name: "Save changes" }).click();
      await expect(edit.getByText(`DID ${pattern} updated`)).toBeVisible({ timeout: 30_000 });
      expect(await simDid()).toMatchObject({ did_route: "CALLMENU", menu_id: "TESTMENU" });

      // The audit log, narrowed to this DID: the change has Undo.
      await page.goto(`/audit?${new URLSearchParams({ resource: "did", target: pattern })}`);
      await expect(heading(page, "Audit log")).toBeVisible();
      const changeRow = page.getByRole("row").filter({ hasText: "DID changed" });
      await expect(changeRow).toHaveCount(1);
      const undoButton = changeRow.getByRole("button", { name: /^Undo entry \d+$/ });
      const entryId = (await undoButton.getAttribute("aria-label"))!.replace("Undo entry ", "");
      await undoButton.click();

      const dialog = page.getByRole("dialog", { name: `Undo entry ${entryId}` });
      await expect(dialog).toContainText(`Put DID ${pattern} back as it was before entry ${entryId}`);
      const fields = dialog.getByRole("table", { name: `Fields of ${pattern}` });
      await expect(fields.getByRole("row", { name: /^Route CALLMENU CALLMENU EXTEN$/ })).toBeVisible();
      await dialog.getByRole("button", { name: "Undo", exact: true }).click();
      await expect(dialog).toBeHidden({ timeout: 30_000 });

      expect(await simDid()).toMatchObject({ did_route: "EXTEN", extension: "8300" });

      // Linked both ways: the change says who undid it, the undo says what it undid.
      const undoneLink = changeRow.getByRole("link", { name: /^Undone by entry \d+$/ });
      await expect(undoneLink).toBeVisible();
      const undoRow = page.getByRole("row").filter({ hasText: "DID change undone" });
      await expect(undoRow.getByRole("link", { name: `Undoes entry ${entryId}` })).toBeVisible();
      await undoneLink.click();
      await expect(heading(page, /^Audit entry \d+$/)).toBeVisible();
      await expect(page.getByText("DID change undone by")).toBeVisible();
      await page.getByRole("link", { name: `Undoes entry ${entryId}` }).click();
      await expect(heading(page, `Audit entry ${entryId}`)).toBeVisible();
      await expect(page.getByRole("link", { name: /^Undone by entry \d+$/ })).toBeVisible();
    } finally {
      await vicidial({ function: "update_did", did_pattern: pattern, delete_did: "Y" });
    }
  });

  test("a job of 20 phones is undone as a whole: dry run, then a job with progress and results", async ({ asRole }) => {
    test.setTimeout(300_000);
    const page = await asRole("provisioning");
    try {
      await page.goto("/jobs/new/agents");
      await expect(page.getByLabel("Server IP")).toHaveValue("10.10.10.15");
      const rows = ["extension,login,full name,outbound cid", ...EXTENSIONS.map((ext, i) => `${ext},undoagent${ext},Undo Agent ${i + 1},7275551234`)].join("\n");
      await expect(async () => {
        await page.getByLabel("Or paste the rows").fill(rows);
        await expect(page.getByLabel("The first row is a header")).toBeChecked({ timeout: 2_000 });
      }).toPass();
      await page.getByRole("button", { name: "Check rows (dry run)" }).click();
      await expect(page.getByRole("status").filter({ hasText: "in the file" })).toHaveText(/20 rows in the file: 20 ready\./);
      await page.getByRole("button", { name: "Start job" }).click();
      await page.getByRole("dialog", { name: "Start this job?" }).getByRole("button", { name: "Start job" }).click();
      await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}/);
      const jobUrl = page.url();
      await expect(page.getByRole("progressbar", { name: "phones processed" })).toHaveAttribute("aria-valuenow", "20", { timeout: 90_000 });
      const ours = async () => (await simulatorTable<{ extension: string }>("phones")).filter((p) => EXTENSIONS.includes(p.extension));
      expect(await ours()).toHaveLength(20);

      await page.reload();
      await page.getByRole("button", { name: "Undo this job" }).click();
      const dialog = page.getByRole("dialog", { name: "Undo this job: dry run" });
      await expect(dialog.getByRole("status")).toHaveText(/^20 of 20 changes will be undone\. Nothing has been sent yet\.$/, { timeout: 60_000 });
      await dialog.getByRole("button", { name: "Start the undo" }).click();

      await expect(page).not.toHaveURL(jobUrl);
      await expect(heading(page, /^Undo: /)).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole("progressbar", { name: "changes processed" })).toHaveAttribute("aria-valuenow", "20", { timeout: 90_000 });
      expect(await ours()).toHaveLength(0);

      await page.locator("p", { hasText: "Undoes the job" }).getByRole("link").click();
      await expect(page).toHaveURL(jobUrl);
      await expect(page.getByText(/^Undone by the job/)).toBeVisible();
    } finally {
      for (const extension of EXTENSIONS) await vicidial({ function: "update_phone", extension, server_ip: "10.10.10.15", delete_phone: "Y" });
    }
  });
});
