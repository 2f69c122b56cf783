import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, roleState, test, vicidial } from "./support/fixtures";
import { DATABASE_AWAY } from "../lib/jobs/views";
import { expectRefused } from "./support/page-answer";

/**
 * Bulk jobs as a supervisor and an IT admin use them: a CSV of CID entries checked in a dry run
 * and imported with live progress, agent phones provisioned with a password sheet kept until saved, and
 * a QA user kept out. The simulator is shared by every spec: the CID entries use area codes
 * 970–979 (no other spec uses them) and are deleted again; the phones use extensions 86901–86930.
 */

const AREA_CODES = Array.from({ length: 10 }, (_, i) => String(970 + i));

async function dryRunAndStart(page: Page, summary: RegExp): Promise<void> {
  await page.getByRole("button", { name: "Check rows (dry run)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "in the file" })).toHaveText(summary);
  await page.getByRole("button", { name: "Start job" }).click();
  const dialog = page.getByRole("dialog", { name: "Start this job?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Start job" }).click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}/);
}

test.describe("bulk jobs", () => {
  test.use({ storageState: roleState("admin") });

  test("a CSV of 50 CID entries with three bad rows: the dry run names them, the job imports the rest with live progress", async ({ page }) => {
    test.setTimeout(300_000);
    const good = AREA_CODES.flatMap((code) => Array.from({ length: 5 }, (_, i) => `${code},${code}555${String(i).padStart(4, "0")},E2E bulk ${code} ${i},Y`));
    const bad = ["97-5,9755559999,Dash in area code,Y", "976,12,Short CID,Y", "977,9775559999,Bad active,maybe"];
    try {
      await page.goto("/jobs");
      await expect(page.getByRole("heading", { level: 1, name: "Bulk jobs" })).toBeVisible();
      await page.getByRole("link", { name: "New job" }).first().click();
      await page.getByRole("link", { name: /CID group entries/ }).click();
      await expect(page.getByRole("heading", { level: 1, name: "New job: CID group entries" })).toBeVisible();
      await expect(page.getByText(/at most 5,000 rows/).first()).toBeVisible();

      const file = [...good.slice(0, 20), bad[0], ...good.slice(20, 40), bad[1], ...good.slice(40), bad[2]].join("\n");
      // Typed before the page hydrated, the text would be lost: fill until the form has read it.
      await expect(async () => {
        await page.getByLabel("Or paste the rows").fill(file);
        await expect(page.getByRole("combobox", { name: "Outbound CID" })).toHaveValue("1", { timeout: 2_000 });
      }).toPass();
      await page.getByLabel("CID group").fill("US_SALES");
      await expect(page.getByLabel("The first row is a header")).not.toBeChecked();

      await page.getByRole("button", { name: "Check rows (dry run)" }).click();
      await expect(page.getByRole("status").filter({ hasText: "in the file" })).toHaveText(/53 rows in the file: 50 ready, 3 with errors/);
      const problems = page.getByRole("table", { name: "Problems found in the dry run" });
      await expect(problems.getByRole("row")).toHaveCount(4);
      await expect(problems.getByRole("row", { name: /^21 Area code 97-5/ })).toBeVisible();
      await expect(problems.getByRole("row", { name: /^42 Outbound CID 12 .*at least 4 digits/ })).toBeVisible();
      await expect(problems.getByRole("row", { name: /^53 Active maybe Active must be Y or N/ })).toBeVisible();

      await page.getByRole("button", { name: "Start job" }).click();
      const dialog = page.getByRole("dialog", { name: "Start this job?" });
      await expect(dialog).toContainText("50 CID entries will be sent to VICIdial");
      await expect(dialog).toContainText("3 rows with errors will be skipped");
      await dialog.getByRole("button", { name: "Start job" }).click();

      await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}/);
      await expect(page.getByRole("heading", { level: 1, name: "50 CID entries into US_SALES" })).toBeVisible();
      const progress = page.getByRole("progressbar", { name: "CID entries processed" });
      await expect(progress).toHaveAttribute("aria-valuenow", "53", { timeout: 60_000 });
      await expect(page.getByText("Completed", { exact: true })).toBeVisible();
      await expect(page.getByRole("definition").filter({ hasText: /^50$/ })).toBeVisible();

      await page.getByRole("link", { name: /^Failed or skipped \(3\)/ }).click();
      await expect(page).toHaveURL(/state=problems/);
      const rows = page.getByRole("table", { name: "Results per row" });
      await expect(rows.getByRole("row")).toHaveCount(4);
      await expect(rows.getByRole("row", { name: /^42 976 · 12 Skipped Not sent: Outbound CID/ })).toBeVisible();

      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download results (CSV)" }).click()]);
      const csv = await readFile(await download.path(), "utf8");
      const lines = csv.trim().split(/\r\n/);
      expect(lines).toHaveLength(54);
      expect(lines.filter((line) => line.includes(",Done,"))).toHaveLength(50);

      const info = await vicidial({ function: "update_cid_group_entry", stage: "INFO", cid_group_id: "US_SALES", areacode: "---ALL---" });
      expect(info.split("\n").filter((line) => line.includes("|E2E bulk "))).toHaveLength(50);
    } finally {
      for (const code of AREA_CODES) await vicidial({ function: "update_cid_group_entry", stage: "DELETE", cid_group_id: "US_SALES", areacode: code });
    }
  });

  test("thirty agents and their alias: counters and rows never disagree, and the password sheet is kept until its creator confirms it was saved", async ({ page }) => {
    test.setTimeout(300_000);
    const extensions = Array.from({ length: 30 }, (_, i) => String(86901 + i));
    try {
      await page.goto("/jobs/new/agents");
      // The server of the known phones is offered first.
      await expect(page.getByLabel("Server IP")).toHaveValue("10.10.10.15");
      // Short logins: an alias holds at most 255 characters of logins with their commas.
      const rows = ["extension,login,full name,outbound cid", ...extensions.map((ext, i) => `${ext},ja${ext},Bulk Agent ${i + 1},7275551234`)].join("\n");
      // Typed before the page hydrated, the text would be lost: fill until the form has read it.
      await expect(async () => {
        await page.getByLabel("Or paste the rows").fill(rows);
        await expect(page.getByLabel("The first row is a header")).toBeChecked({ timeout: 2_000 });
      }).toPass();
      await page.getByLabel("Aliases").selectOption("single");
      await page.getByLabel("Alias ID").fill("E2E_JOB30");
      await page.getByLabel("Alias name").fill("E2E thirty agents");
      await dryRunAndStart(page, /30 rows in the file: 30 ready\./);

      // Whatever moment the page is looked at, the counter equals the final rows the table shows
      // (all 31 rows fit on one page): both come from one read.
      const progress = page.getByRole("progressbar", { name: "phones processed" });
      const table = page.getByRole("table", { name: "Results per row" });
      await expect(table.getByRole("row")).toHaveCount(32);
      for (let sample = 0; sample < 40; sample += 1) {
        const seen = await page.evaluate(() => {
          const bar = document.querySelector('[role="progressbar"]');
          const badges = [...document.querySelectorAll("table tbody tr td:nth-child(3)")].map((cell) => cell.textContent ?? "");
          return { counter: Number(bar?.getAttribute("aria-valuenow")), final: badges.filter((text) => /^(Done|Already existed|Failed|Skipped)/.test(text)).length };
        });
        expect(seen.final).toBe(seen.counter);
        if (seen.counter === 31) break;
        await page.waitForTimeout(250);
      }
      await expect(progress).toHaveAttribute("aria-valuenow", "31", { timeout: 60_000 });
      await expect(page.getByText("Completed", { exact: true })).toBeVisible();
      // The alias row is final in the same read that says Completed: no reload needed.
      await expect(table.getByRole("row", { name: /E2E_JOB30/ })).toContainText("Done");
      await expect(table.getByText("Waiting")).toHaveCount(0);

      const sheetPanel = page.getByRole("region", { name: "Password sheet" });
      await expect(sheetPanel.getByTestId("sheet-expiry")).toContainText(/Kept until .*, then discarded; not downloaded yet/);
      const download = async (name: string) => {
        const [file] = await Promise.all([page.waitForEvent("download"), sheetPanel.getByRole("button", { name }).click()]);
        return (await readFile(await file.path(), "utf8")).trim().split(/\r\n/);
      };
      const sheet = await download("Download password sheet");
      expect(sheet[0]).toBe("extension,phone_login,full_name,server_ip,result,phone_password,registration_password,note");
      expect(sheet).toHaveLength(31);
      for (const line of sheet.slice(1)) expect(line).toMatch(/^869\d\d,ja869\d\d,Bulk Agent \d+,10\.10\.10\.15,Done,[A-Za-z0-9]{20},[A-Za-z0-9]{20},$/);

      // A download that went wrong is not the end: the same passwords, again, after a reload too.
      await page.reload();
      await expect(sheetPanel.getByTestId("sheet-expiry")).toContainText("last downloaded");
      expect(await download("Download password sheet again")).toEqual(sheet);

      await sheetPanel.getByRole("button", { name: "I have saved the sheet" }).click();
      const confirm = page.getByRole("dialog", { name: "Discard the passwords?" });
      await expect(confirm).toContainText("cannot show them again");
      await confirm.getByRole("button", { name: "Discard the passwords" }).click();
      await expect(page.getByText("The password sheet was saved; its passwords are no longer kept.")).toBeVisible();
      await expect(page.getByRole("button", { name: /Download password sheet/ })).toHaveCount(0);
    } finally {
      await vicidial({ function: "update_phone_alias", alias_id: "E2E_JOB30", delete_alias: "Y" });
      for (const extension of extensions) await vicidial({ function: "update_phone", extension, server_ip: "10.10.10.15", delete_phone: "Y" });
    }
  });

  test("a paused job's page keeps its figures and says why while the dashboard cannot be read, and goes on by itself", async ({ page }) => {
    test.setTimeout(300_000);
    // Area code 981 is this test's alone; enough rows that the job is still running when paused.
    const rows = Array.from({ length: 800 }, (_, i) => `981,981${String(5_000_000 + i)},E2E paused ${i},Y`).join("\n");
    try {
      await page.goto("/jobs/new/cid");
      await expect(async () => {
        await page.getByLabel("Or paste the rows").fill(rows);
        await expect(page.getByRole("combobox", { name: "Outbound CID" })).toHaveValue("1", { timeout: 2_000 });
      }).toPass();
      await page.getByLabel("CID group").fill("US_SALES");
      await dryRunAndStart(page, /800 rows in the file: 800 ready\./);
      await page.getByRole("button", { name: "Pause" }).click();
      await expect(page.getByText("Paused", { exact: true }).first()).toBeVisible();
      // Rows already on their way when it paused still finish: wait until a poll changes nothing.
      const done = page.getByRole("definition").first();
      let figures = "";
      await expect(async () => {
        const before = await done.textContent();
        await page.waitForTimeout(1_500);
        figures = (await done.textContent()) ?? "";
        expect(figures).toBe(before);
      }).toPass();

      // The poll answers 503 with the server's words (the database away): said, figures kept.
      await page.route("**/api/jobs/**", (route) => route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: DATABASE_AWAY }) }));
      await expect(page.getByRole("status").filter({ hasText: DATABASE_AWAY })).toBeVisible();
      await expect(done).toHaveText(figures);

      // Answering again, the page drops the warning without a reload.
      await page.unroute("**/api/jobs/**");
      await expect(page.getByRole("status").filter({ hasText: DATABASE_AWAY })).toHaveCount(0);

      await page.getByRole("button", { name: "Cancel job" }).click();
      await page.getByRole("dialog", { name: "Cancel this job?" }).getByRole("button", { name: "Cancel job" }).click();
      await expect(page.getByText("Cancelled", { exact: true }).first()).toBeVisible();
    } finally {
      await vicidial({ function: "update_cid_group_entry", stage: "DELETE", cid_group_id: "US_SALES", areacode: "981" });
    }
  });

  test("a QA user cannot start a job", async ({ asRole }) => {
    const qa = await asRole("qa");
    await qa.goto("/");
    await expect(qa.getByTestId("current-user")).toBeVisible();
    await expect(qa.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Bulk jobs" })).toHaveCount(0);
    for (const path of ["/jobs", "/jobs/new/cid"]) {
      const answer = await expectRefused(qa.request, path);
      expect(answer.body).not.toContain("Check rows (dry run)");
    }
  });
});
