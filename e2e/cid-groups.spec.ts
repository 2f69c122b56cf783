import type { Browser, Page } from "@playwright/test";
import { expect, signIn, test } from "./support/fixtures";

/**
 * CID groups as a supervisor uses them, on the simulator's seeded US_SALES and EMPTY_GRP. The
 * simulator is shared by every spec and never reset, so each journey adds its own area code and
 * puts back what it changes in the seeded entries.
 */

const suffix = `${Date.now()}`.slice(-6);

/** A user of `role` created by the admin on /users, with their own password already chosen. */
async function createUser(browser: Browser, role: "Supervisor" | "Provisioning (IT)"): Promise<{ username: string; password: string }> {
  const username = `cid-${role === "Supervisor" ? "sup" : "prov"}-${suffix}`;
  const password = `correct horse ${suffix} battery`;
  const admin = await browser.newPage({ baseURL: process.env.E2E_BASE_URL });
  await signInAs(admin, "admin", process.env.DEMO_ADMIN_PASSWORD ?? "");
  await admin.goto("/users");
  const form = admin.getByRole("form", { name: "Create user" });
  await form.getByLabel("Username").fill(username);
  await form.getByLabel("Display name").fill(`CID ${role}`);
  await form.getByLabel("Role").selectOption({ label: role });
  await form.getByRole("button", { name: "Create user" }).click();
  const oneTimePassword = await admin.getByRole("textbox", { name: "One-time password" }).inputValue();
  await admin.close();

  const first = await browser.newPage({ baseURL: process.env.E2E_BASE_URL });
  await signInAs(first, username, oneTimePassword);
  await first.goto("/account");
  await first.getByLabel("Current password").fill(oneTimePassword);
  await first.getByLabel("New password", { exact: true }).fill(password);
  await first.getByLabel("New password again").fill(password);
  await first.getByRole("button", { name: "Change password" }).click();
  // After a one-time password, a successful change continues to the overview.
  await expect(first.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible({ timeout: 60_000 });
  await first.close();
  return { username, password };
}

/**
 * The fixture's sign-in waits 10 s; a bcrypt check plus the first dashboard render on a busy
 * machine can take longer, so a slow sign-in gets another minute before it counts as failed.
 */
async function signInAs(page: Page, username: string, password: string): Promise<void> {
  try {
    await signIn(page, username, password);
  } catch {
    await expect(page.getByTestId("current-user")).toBeVisible({ timeout: 60_000 });
  }
}

/** `next dev` compiles the dashboard on its first request, slower than sign-in's 10-second wait. */
async function warmUp(browser: Browser): Promise<void> {
  const page = await browser.newPage({ baseURL: process.env.E2E_BASE_URL });
  await page.goto("/login");
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Password", { exact: true }).fill(process.env.DEMO_ADMIN_PASSWORD ?? "");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible({ timeout: 180_000 });
  await page.close();
}

const areaCode = (page: Page, code: string) => page.getByRole("region", { name: `Area code or state ${code}` });
const activeSwitch = (page: Page, cid: string) => page.getByRole("switch", { name: `Active ${cid}` });

test.describe("CID groups", () => {
  test.describe.configure({ mode: "serial" });
  let supervisor: { username: string; password: string };
  let provisioning: { username: string; password: string };

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(300_000);
    await warmUp(browser);
    supervisor = await createUser(browser, "Supervisor");
    provisioning = await createUser(browser, "Provisioning (IT)");
  });

  test("a supervisor manages the live entries of US_SALES", async ({ page }) => {
    test.setTimeout(180_000);
    const code = `Z${suffix.slice(-3)}`;
    const cid = `555${suffix}1`;
    await signInAs(page, supervisor.username, supervisor.password);

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

    // A formatted number is refused on its field and nothing typed is lost.
    await page.getByRole("textbox", { name: "Area code or state", exact: true }).fill(code);
    await page.getByRole("textbox", { name: "Outbound CID", exact: true }).fill("(555) 123-4567");
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

  test("EMPTY_GRP shows the empty state with the add form, and an unknown group is not found", async ({ page }) => {
    test.setTimeout(120_000);
    await signInAs(page, supervisor.username, supervisor.password);
    await page.goto("/cid-groups/EMPTY_GRP");
    await expect(page.getByRole("heading", { name: "This CID group has no entries" })).toBeVisible();
    await expect(page.getByRole("form", { name: "Add an entry" })).toBeVisible();
    await page.goto("/cid-groups/NOSUCHGROUP");
    await expect(page.getByRole("heading", { name: "CID group not found" })).toBeVisible();
  });

  test("a supervisor can only list groups VICIdial has, and removing one leaves VICIdial alone", async ({ page }) => {
    test.setTimeout(120_000);
    await signInAs(page, supervisor.username, supervisor.password);
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

  test("a provisioning user cannot open the CID group pages", async ({ page }) => {
    test.setTimeout(120_000);
    await signInAs(page, provisioning.username, provisioning.password);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "CID groups" })).toHaveCount(0);
    for (const path of ["/cid-groups", "/cid-groups/US_SALES"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    }
  });
});
