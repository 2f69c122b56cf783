import type { Page } from "@playwright/test";
import { expect, injectFault, roleState, test } from "./support/fixtures";
import { expectRefused } from "./support/page-answer";

/**
 * CID groups as a supervisor uses them, on the simulator's seeded US_SALES and EMPTY_GRP. The
 * simulator is shared by every spec and never reset, so each journey adds its own area code and
 * puts back what it changes in the seeded entries.
 */

const suffix = `${Date.now()}`.slice(-6);

const areaCode = (page: Page, code: string) => page.getByRole("region", { name: `Area code or state ${code}` });
const activeSwitch = (page: Page, cid: string) => page.getByRole("switch", { name: `Active ${cid}` });

test.describe("CID groups", () => {
  test.use({ storageState: roleState("supervisor") });

  test("a supervisor manages the live entries of US_SALES", async ({ page }) => {
    const code = `Z${suffix.slice(-3)}`;
    const cid = `555${suffix}1`;
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "CID groups" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "CID groups" })).toBeVisible();
    await page.getByRole("link", { name: "US_SALES" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "CID group US_SALES" })).toBeVisible();

    // The three seeded entries, grouped by area code, with VICIdial's blank flag shown as inactive.
    await expect(areaCode(page, "727").getByRole("row")).toHaveCount(3);
    await expect(areaCode(page, "727").getByRole("row", { name: /7275551001/ })).toContainText("Tampa main");
    await expect(activeSwitch(page, "7275551001")).toBeChecked();
    await expect(activeSwitch(page, "7275551002")).not.toBeChecked();
    await expect(areaCode(page, "813").getByRole("row", { name: /8135552001/ })).toContainText("Tampa 813");

    // A number with letters is refused on its field and nothing typed is lost.
    await page.getByRole("textbox", { name: "Area code or state", exact: true }).fill(code);
    await page.getByRole("textbox", { name: "Outbound CID", exact: true }).fill("555-123-CALL");
    await page.getByRole("textbox", { name: "Description", exact: true }).fill("E2E line");
    await page.getByRole("button", { name: "Add entry" }).click();
    await expect(page.getByText(/The outbound CID may contain only digits/)).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Description", exact: true })).toHaveValue("E2E line");

    await page.getByRole("textbox", { name: "Outbound CID", exact: true }).fill(cid);
    await page.getByRole("button", { name: "Add entry" }).click();
    await expect(page.getByText(`Added ${cid} to area code ${code}`)).toBeVisible();
    await expect(areaCode(page, code).getByRole("row", { name: new RegExp(cid) })).toContainText("E2E line");

    // Deactivate all of 727: the count is shown before confirming, then both entries change.
    await page.getByRole("button", { name: "Deactivate all entries of area code 727" }).click();
    const confirm = page.getByRole("dialog", { name: "Deactivate all entries of area code 727?" });
    await expect(confirm).toContainText("all 2 entries of area code 727");
    await confirm.getByRole("button", { name: "Deactivate 2 entries" }).click();
    await expect(page.getByText("Deactivated area code 727: VICIdial changed 1 of 2 entries")).toBeVisible();
    await expect(activeSwitch(page, "7275551001")).not.toBeChecked();
    await expect(activeSwitch(page, "7275551002")).not.toBeChecked();
    // Put the seed back: only 7275551001 was active.
    await activeSwitch(page, "7275551001").click();
    await expect(page.getByText("7275551001 is now active")).toBeVisible();
    await expect(activeSwitch(page, "7275551001")).toBeChecked();

    // Edit the added entry's description; clearing is refused, as VICIdial's API cannot do it.
    await page.getByRole("button", { name: `Edit description of ${cid}` }).click();
    const description = page.getByLabel(`New description for ${cid}`);
    await expect(page.getByText("VICIdial's API can replace a description but cannot clear it.")).toBeVisible();
    await description.fill("");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Enter a new description; VICIdial's API cannot clear a description")).toBeVisible();
    await description.fill("E2E line renamed");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(areaCode(page, code).getByRole("row", { name: new RegExp(cid) })).toContainText("E2E line renamed");

    // Delete the added entry; its area code disappears with it.
    await page.getByRole("button", { name: `Delete ${cid}` }).click();
    await page.getByRole("dialog", { name: `Delete ${cid}?` }).getByRole("button", { name: "Delete entry" }).click();
    await expect(page.getByText(`Deleted ${cid} from area code ${code}`)).toBeVisible();
    await expect(areaCode(page, code)).toHaveCount(0);
    await expect(areaCode(page, "727").getByRole("row")).toHaveCount(3);
  });

  test.describe("with a fault injected", () => {
    // One after the other: clearing one test's fault (injectFault({})) clears every fault.
    test.describe.configure({ mode: "serial" });

    test("a toggle VICIdial does not confirm is rolled back, with the reason", async ({ page }) => {
      await page.goto("/cid-groups/US_SALES");
      const toggle = activeSwitch(page, "8135552001");
      await expect(toggle).toBeChecked();
      await injectFault({ http500: true, when: { function: "update_cid_group_entry", stage: "UPDATE", outbound_cid: "8135552001" } });
      try {
        await toggle.click();
        await expect(page.getByText(/VICIdial failed with HTTP 500/).first()).toBeVisible();
        await expect(toggle).toBeChecked();
      } finally {
        await injectFault({});
      }
    });

    test("an entry VICIdial adds before failing with HTTP 500 is read back and shown as made", async ({ page }) => {
      const code = `W${suffix.slice(-3)}`;
      const cid = `556${suffix}2`;
      await page.goto("/cid-groups/US_SALES");
      await injectFault({ http500AfterAnswer: true, when: { function: "update_cid_group_entry", stage: "ADD", outbound_cid: cid } });
      try {
        await page.getByRole("textbox", { name: "Area code or state", exact: true }).fill(code);
        await page.getByRole("textbox", { name: "Outbound CID", exact: true }).fill(cid);
        await page.getByRole("textbox", { name: "Description", exact: true }).fill("Read back");
        await page.getByRole("button", { name: "Add entry" }).click();
        const callout = page.getByRole("alert").filter({ hasText: "VICIdial failed while answering, but the change is in place" });
        await expect(callout).toContainText("VICIdial answered that it succeeded, then failed with HTTP 500");
        await expect(callout).toContainText("Checked afterwards: the group holds the new entry, so the change was made.");
        await expect(areaCode(page, code).getByRole("row", { name: new RegExp(cid) })).toContainText("Read back");
      } finally {
        await injectFault({});
      }
      await page.getByRole("button", { name: `Delete ${cid}` }).click();
      await page.getByRole("dialog", { name: `Delete ${cid}?` }).getByRole("button", { name: "Delete entry" }).click();
      await expect(areaCode(page, code)).toHaveCount(0);
    });
  });

  test("EMPTY_GRP shows the empty state with the add form, and an unknown group is not found", async ({ page }) => {
    await page.goto("/cid-groups/EMPTY_GRP");
    await expect(page.getByRole("heading", { name: "This CID group has no entries" })).toBeVisible();
    await expect(page.getByRole("form", { name: "Add an entry" })).toBeVisible();
    await page.goto("/cid-groups/NOSUCHGROUP");
    await expect(page.getByRole("heading", { name: "CID group not found" })).toBeVisible();
  });

  test("a supervisor can only list groups VICIdial has, and removing one leaves VICIdial alone", async ({ page }) => {
    await page.goto("/cid-groups");
    const groupId = page.getByLabel("CID group or campaign ID");
    await groupId.fill("NOSUCHGROUP");
    await page.getByRole("button", { name: "Add to list" }).click();
    await expect(page.getByText(/VICIdial has no CID group or campaign with this ID/).first()).toBeVisible();
    await expect(groupId).toHaveValue("NOSUCHGROUP");

    await groupId.fill("TESTCAMP");
    await page.getByRole("button", { name: "Add to list" }).click();
    await expect(page.getByRole("link", { name: "TESTCAMP" })).toBeVisible();

    await page.getByRole("button", { name: "Remove TESTCAMP from the list" }).click();
    const confirm = page.getByRole("dialog", { name: "Remove TESTCAMP from the dashboard's list?" });
    await expect(confirm).toContainText("Nothing changes in VICIdial");
    await confirm.getByRole("button", { name: "Remove from list" }).click();
    await expect(page.getByRole("link", { name: "TESTCAMP" })).toHaveCount(0);
  });

  test("a provisioning user cannot open the CID group pages", async ({ asRole }) => {
    const page = await asRole("provisioning");
    await page.goto("/");
    await expect(page.getByTestId("current-user")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "CID groups" })).toHaveCount(0);
    for (const path of ["/cid-groups", "/cid-groups/US_SALES"]) await expectRefused(page.request, path);
  });
});
