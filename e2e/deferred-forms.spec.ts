import type { Page } from "@playwright/test";
import { expect, roleState, test, vicidial, warmUp } from "./support/fixtures";

/**
 * Forms, and a CID group's entries, load their code at the user's first sign of interest
 * (components/ui/deferred.tsx). Here that code is held on its way, as on a slow link: the page
 * must show its values, take what is typed, a submit or a click meanwhile, and do it once, as
 * asked, when its code arrives.
 */
test.use({ storageState: roleState("supervisor") });

const pattern = `727557${`${Date.now()}`.slice(-4)}`;

/**
 * Once the page is live (its network quiet: the form's own code not asked for yet, as nothing has
 * shown interest in it), holds every script it asks for from then on, until the returned release
 * is called.
 */
async function holdScriptsOnceLive(page: Page): Promise<() => void> {
  await page.waitForLoadState("networkidle");
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await gate;
    await route.fallback();
  });
  return release;
}

function countActionPosts(page: Page): () => number {
  let posts = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) posts += 1;
  });
  return () => posts;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  await warmUp(browser, ["/dids/new", "/dids/7275550100", "/cid-groups/US_SALES", "/aliases/new"]);
});

test("a DID typed and submitted while the form's code is still loading is added once, as typed; its edit form shows the values before its code loads", async ({ page }) => {
  const posts = countActionPosts(page);
  await page.goto("/dids/new");
  const release = await holdScriptsOnceLive(page);

  const form = page.getByRole("form", { name: "Add DID" });
  await form.getByLabel("DID pattern").fill(pattern);
  await form.getByLabel("Description", { exact: true }).fill("Held form line");
  await form.getByLabel("In-group").fill("TEST_IN");
  await form.getByLabel("Active: VICIdial routes calls to this DID").uncheck();
  await form.getByRole("button", { name: "Add DID" }).click();

  // Held, not sent as a plain browser request: still here, nothing sent, nothing typed lost.
  await page.waitForTimeout(500);
  expect(new URL(page.url()).pathname).toBe("/dids/new");
  expect(posts()).toBe(0);
  await expect(form.getByLabel("DID pattern")).toHaveValue(pattern);
  await expect(form.getByLabel("Active: VICIdial routes calls to this DID")).not.toBeChecked();

  release();
  await expect(page.getByRole("heading", { level: 1, name: `DID ${pattern}`, exact: true })).toBeVisible({ timeout: 60_000 });
  expect(posts()).toBe(1);

  // A fresh load of the DID's page, its form's code held: the server's HTML shows the values.
  await page.reload();
  const releaseEdit = await holdScriptsOnceLive(page);
  const edit = page.getByRole("form", { name: "Edit DID" });
  await expect(edit.getByLabel("Description", { exact: true })).toHaveValue("Held form line");
  await expect(edit.getByLabel("In-group")).toHaveValue("TEST_IN");
  await expect(edit.getByLabel("Active: VICIdial routes calls to this DID")).not.toBeChecked();
  releaseEdit();
});

test("a CID entry's switch pressed while the group's code is still loading is switched once, when the code arrives", async ({ page }) => {
  const areacode = `Q${`${Date.now()}`.slice(-3)}`;
  const cid = `555${`${Date.now()}`.slice(-7)}`;
  await vicidial({ function: "update_cid_group_entry", stage: "ADD", cid_group_id: "US_SALES", areacode, outbound_cid: cid, active: "Y", cid_description: "Held switch" });
  try {
    const posts = countActionPosts(page);
    await page.goto("/cid-groups/US_SALES");
    const release = await holdScriptsOnceLive(page);
    const toggle = page.getByRole("switch", { name: `Active ${cid}` });
    await expect(toggle).toBeChecked();
    await toggle.click();

    // Held: nothing sent, nothing switched yet.
    await page.waitForTimeout(500);
    expect(posts()).toBe(0);
    await expect(toggle).toBeChecked();

    release();
    await expect(toggle).not.toBeChecked({ timeout: 60_000 });
    // The switch moves at once (optimistic); VICIdial holds the change once the action's call is answered.
    await expect.poll(() => vicidial({ function: "update_cid_group_entry", stage: "INFO", cid_group_id: "US_SALES", areacode })).toContain(`${cid}|N|`);
    expect(posts()).toBe(1);
  } finally {
    await vicidial({ function: "update_cid_group_entry", stage: "DELETE", cid_group_id: "US_SALES", areacode });
  }
});

test.describe("a field outside the form's data", () => {
  test.use({ storageState: roleState("provisioning") });

  test("a login typed into the alias form's phone picker while the form's code is still loading is kept, and can be added", async ({ page }) => {
    await page.goto("/aliases/new");
    const release = await holdScriptsOnceLive(page);
    // The picker's search box is no field of the alias (it has no name): it is found again by its id.
    const picker = page.getByRole("combobox", { name: "Add a phone login" });
    await picker.fill("1002");
    await page.waitForTimeout(500);
    await expect(picker).toHaveValue("1002");

    release();
    const add = page.getByRole("button", { name: "Add login" });
    await expect(add).toBeEnabled({ timeout: 60_000 });
    await add.click();
    await expect(page.getByRole("list", { name: "Chosen phone logins" }).getByRole("listitem")).toHaveText([/1002/]);
  });
});

test.describe("a selection made before the form is live", () => {
  test.use({ storageState: roleState("admin") });

  test("text selected in the role map while its code is still loading stays selected when it arrives: typing replaces it", async ({ page }) => {
    await page.goto("/settings");
    const release = await holdScriptsOnceLive(page);
    const field = page.getByRole("form", { name: "Role map" }).getByLabel("Groups and roles");
    await field.focus();
    await page.keyboard.press("ControlOrMeta+A");

    release();
    // Live once its submit button is the form's own (no longer held for it by the page).
    await expect(page.getByRole("form", { name: "Role map" }).locator("button[data-until-hydrated]")).toHaveCount(0, { timeout: 60_000 });
    await page.keyboard.insertText("callcenter-admins=admin");
    await expect(field).toHaveValue("callcenter-admins=admin");
  });
});
