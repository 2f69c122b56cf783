import type { Locator, Page } from "@playwright/test";
import { simulatorTables } from "../lib/simulator/testing/tables";
import { expect, roleState, test } from "./support/fixtures";

/**
 * Cluster reads, as a user meets them: a DID and a phone written straight into VICIdial's
 * database (the simulator's tables, no API call, no admin-log row) appear after "Sync now", are
 * edited through the dashboard, and the audit log tells both stories: added outside the
 * dashboard, then changed in it. The browser tests run in demo mode, so the dashboard reads the
 * simulator's state as it would read VICIdial's MySQL.
 */
test.use({ storageState: roleState("admin") });

const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name, exact: true });
const card = (page: Page, title: string): Locator => page.locator("section", { has: page.getByRole("heading", { level: 2, name: title, exact: true }) });

test("records made in VICIdial's database appear after Sync now, are edited here, and the audit shows both", async ({ page }) => {
  test.setTimeout(180_000);
  const simulatorUrl = process.env.E2E_SIMULATOR_URL;
  if (!simulatorUrl) throw new Error("E2E_SIMULATOR_URL is not set: run through `npm run test:e2e`");
  const suffix = String(Date.now()).slice(-6);
  const pattern = `727559${suffix}`;
  const extension = `x${suffix}`;
  const target = `10.10.10.15/${extension}`;
  const inGroup = `E2E${suffix}`;

  const tables = simulatorTables(simulatorUrl);
  await tables.insert("vicidial_inbound_dids", [{ did_pattern: pattern, did_description: "Made in VICIdial", did_route: "IN_GROUP", group_id: "TEST_IN" }]);
  await tables.insert("vicidial_inbound_groups", [{ group_id: inGroup, group_name: `E2E sales queue ${suffix}` }]);
  await tables.insert("phones", [
    { extension, server_ip: "10.10.10.15", login: extension, fullname: "Made in VICIdial", protocol: "SIP", dialplan_number: suffix, voicemail_id: suffix, peer_status: "UNREGISTERED", ping_time: null },
  ]);

  // Sync now on the overview: the card follows the pass it asked for to its end.
  await page.goto("/");
  const sync = card(page, "Cluster sync");
  await sync.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText("Sync finished: the lists show the cluster as it is now")).toBeVisible({ timeout: 90_000 });
  await expect(sync.getByRole("button", { name: "Sync now" })).toBeEnabled();
  await expect(sync).toContainText("Up to date");

  // The DID is listed, says where its last change was made, and is edited here.
  await page.goto(`/dids?q=${pattern}`);
  const didRow = page.getByRole("row", { name: new RegExp(pattern) });
  await expect(didRow).toContainText("Made in VICIdial");
  await didRow.getByRole("link", { name: pattern }).click();
  await expect(heading(page, `DID ${pattern}`)).toBeVisible();
  const details = card(page, "Details");
  await expect(details).toContainText("In-group (IN_GROUP)");
  // The last change, by the badge (the "by" names the sync's actor, "outside the dashboard", too).
  await expect(details.getByText("Outside the dashboard", { exact: true })).toBeVisible();
  const edit = page.getByRole("form", { name: "Edit DID" });
  await edit.getByLabel("Description", { exact: true }).fill("Edited in the dashboard");
  // The in-group picker offers VICIdial's in-groups by name, synced too; typing filters, the keyboard chooses.
  const picker = edit.getByRole("combobox", { name: "In-group" });
  await picker.fill(`sales queue ${suffix}`);
  const options = page.getByRole("listbox", { name: "In-groups" });
  await expect(options.getByRole("option", { name: `${inGroup} E2E sales queue ${suffix}`, exact: true })).toBeVisible();
  await picker.press("Escape");
  await expect(options).toHaveCount(0);
  await picker.press("ArrowDown");
  await picker.press("ArrowDown");
  await expect(options.getByRole("option", { selected: true })).toContainText(inGroup);
  await picker.press("Enter");
  await expect(picker).toHaveValue(inGroup);
  await expect(edit.getByText(`E2E sales queue ${suffix}`, { exact: true })).toBeVisible();
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByText(`DID ${pattern} updated`)).toBeVisible({ timeout: 30_000 });
  await expect(details.getByText("In the dashboard", { exact: true })).toBeVisible();

  await details.getByRole("link", { name: "Its audit entries" }).click();
  await expect(heading(page, "Audit log")).toBeVisible();
  const didAudit = page.getByRole("table", { name: "Audit log entries" });
  await expect(didAudit.getByRole("row", { name: /DID added outside the dashboard/ })).toContainText("outside the dashboard");
  const didEdit = didAudit.getByRole("row", { name: /DID changed/ }).filter({ hasNotText: "outside" });
  await expect(didEdit).toContainText("Edited in the dashboard");
  await expect(didEdit).toContainText(inGroup);

  // The phone: listed with VICIdial's SIP status, found by the Not registered filter, edited here.
  await page.goto(`/phones?q=${extension}&sip=not_registered`);
  const phoneRow = page.getByRole("row", { name: new RegExp(extension) });
  await expect(phoneRow).toContainText("Not registered");
  await phoneRow.getByRole("link", { name: extension }).click();
  await expect(heading(page, `Phone ${extension}`)).toBeVisible();
  await expect(page.getByText("Outside the dashboard", { exact: true })).toBeVisible();
  await page.getByRole("textbox", { name: "Full name", exact: true }).fill("Edited Desk");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("table", { name: "Change history" })).toContainText("Full name: Made in VICIdial → Edited Desk", { timeout: 30_000 });

  await page.goto(`/audit?${new URLSearchParams({ resource: "phone", target })}`);
  const phoneAudit = page.getByRole("table", { name: "Audit log entries" });
  await expect(phoneAudit.getByRole("row", { name: /Phone added outside the dashboard/ })).toBeVisible();
  await expect(phoneAudit.getByRole("row", { name: /Phone changed/ }).filter({ hasNotText: "outside" })).toContainText("Edited Desk");
});
