import type { Locator, Page } from "@playwright/test";
import { expect, roleUser, test, warmUp } from "./support/fixtures";
import { FORBIDDEN_HEADING } from "./support/pages";

/**
 * Inbound DIDs as a supervisor manages them, against the simulator's seed (DID 7275550100 routed
 * to in-group TEST_IN, DID 3125550000, call menu TESTMENU). The simulator is shared by every spec
 * and never reset, so the journey uses its own patterns.
 */
const n = `${Date.now()}`.slice(-4);
const added = `+1727555${n}`;
const strippedByVicidial = `727555${n}`;
const copied = `+1727556${n}`;

const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name, exact: true });
const card = (page: Page, title: string): Locator => page.locator("section", { has: page.getByRole("heading", { level: 2, name: title, exact: true }) });

/** Server actions the browser sent (Next posts them with a Next-Action header). */
function countActionPosts(page: Page): () => number {
  let posts = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) posts += 1;
  });
  return () => posts;
}

async function search(page: Page, text: string): Promise<void> {
  await page.getByLabel("Search", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Apply" }).click();
  const query = new URLSearchParams({ q: text }).toString().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await expect(page).toHaveURL(new RegExp(`[?&]${query}(&|$)`));
}

test.describe("DIDs", () => {

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(600_000);
    await warmUp(browser, ["/dids", "/dids/new", "/dids/7275550100"]);
  });

  test("a supervisor adds an in-group DID, finds it, reroutes it, copies it and deletes a copy", async ({ asRole }) => {
    test.setTimeout(300_000);
    const page = await asRole("supervisor");
    const actionPosts = countActionPosts(page);

    await page.goto("/dids");
    await expect(heading(page, "DIDs")).toBeVisible();
    await page.getByRole("link", { name: "Add DID" }).click();
    await expect(heading(page, "Add DID")).toBeVisible();

    // Characters VICIdial would silently drop are errors beside their fields; nothing is sent and nothing typed is lost.
    const form = page.getByRole("form", { name: "Add DID" });
    await form.getByLabel("DID pattern").fill(`727/555-${n}`);
    await form.getByLabel("Description", { exact: true }).fill("Bob's sales line");
    await form.getByLabel("Route", { exact: true }).selectOption("IN_GROUP");
    await form.getByRole("button", { name: "Add DID" }).click();
    await expect(form.getByText("DID pattern cannot contain “/” and “-”: VICIdial would silently remove them")).toBeVisible();
    await expect(form.getByText("Description cannot contain “'”")).toBeVisible();
    await expect(form.getByText("In-group is required for the In-group route")).toBeVisible();
    await expect(form.getByLabel("DID pattern")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Description", { exact: true })).toHaveValue("Bob's sales line");
    expect(actionPosts()).toBe(0);

    // Corrected, with a plus sign, routed to the seed in-group.
    await form.getByLabel("DID pattern").fill(added);
    await form.getByLabel("Description", { exact: true }).fill(`E2E sales line ${n}`);
    await form.getByLabel("In-group").fill("TEST_IN");
    await form.getByLabel("Agent search method").selectOption("LO");
    await form.getByRole("button", { name: "Add DID" }).click();
    await expect(heading(page, `DID ${added}`)).toBeVisible({ timeout: 60_000 });
    expect(page.url()).toContain(`/dids/${encodeURIComponent(added)}`);
    await expect(card(page, "Details")).toContainText("In-group (IN_GROUP)");
    await expect(card(page, "Details")).toContainText("TEST_IN");

    // Found by searching its description.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "DIDs" }).click();
    await search(page, `sales line ${n}`);
    const row = page.getByRole("row", { name: new RegExp(`E2E sales line ${n}`) });
    await expect(row).toContainText("In-group");
    await expect(row).toContainText("TEST_IN");
    await expect(row).toContainText(roleUser("supervisor").username);
    await expect(page.getByRole("link", { name: "7275550100" })).toHaveCount(0);
    await row.getByRole("link", { name: added }).click();
    await expect(heading(page, `DID ${added}`)).toBeVisible();

    // Saving an untouched form says so without sending; rerouting sends the route with its call menu.
    const edit = page.getByRole("form", { name: "Edit DID" });
    const postsBefore = actionPosts();
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit.getByText("No changes to save: nothing was sent to VICIdial")).toBeVisible();
    expect(actionPosts()).toBe(postsBefore);
    await edit.getByLabel("Route", { exact: true }).selectOption("CALLMENU");
    await edit.getByLabel("Call menu").fill("TESTMENU");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit.getByText(`DID ${added} updated`)).toBeVisible({ timeout: 30_000 });
    await expect(card(page, "Details")).toContainText("Call menu (CALLMENU)");
    await expect(card(page, "History")).toContainText("Route: In-group TEST_IN → Call menu TESTMENU");

    // The audit log says the same in words, filtered by an action picked from its name, and its
    // detail is a field-by-field diff.
    await page.goto(`/audit?q=${encodeURIComponent(added)}`);
    await page.getByLabel("Action").selectOption({ label: "DID changed" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/action=did\.update/);
    const entry = page.getByRole("table", { name: "Audit log entries" }).getByRole("row").nth(1);
    await expect(entry).toContainText("DID changed");
    await expect(entry).toContainText("Route: In-group TEST_IN → Call menu TESTMENU");
    await entry.getByRole("link", { name: /Details of entry/ }).click();
    const diff = page.getByRole("table", { name: /Fields changed by entry/ });
    await expect(diff.getByRole("row", { name: /^Route/ })).toContainText("In-group TEST_IN");
    await expect(diff.getByRole("row", { name: /^Route/ })).toContainText("Call menu TESTMENU");
    await page.goto(`/dids/${encodeURIComponent(added)}`);
    await expect(heading(page, `DID ${added}`)).toBeVisible();

    // Copied to three DIDs, one of which exists. The first is what VICIdial would have made of the
    // refused dashed pattern: it is added now, so the refused attempt never reached VICIdial.
    const copy = page.getByRole("form", { name: "Copy DID" });
    await copy.getByLabel("New DIDs", { exact: true }).fill(`${strippedByVicidial}\n${copied}, 3125550000`);
    await copy.getByRole("button", { name: "Copy to new DIDs" }).click();
    const results = copy.getByRole("list", { name: "Copy results" });
    await expect(results.getByRole("listitem")).toHaveText([`Added${strippedByVicidial}`, `Added${copied}`, "Already existed3125550000"], { timeout: 30_000 });
    await expect(copy).toContainText(`Copied ${added} to 2 new DIDs; 1 already existed`);

    // The copy has the source's new route; delete it behind the typed confirmation.
    await results.getByRole("link", { name: copied }).click();
    await expect(heading(page, `DID ${copied}`)).toBeVisible();
    await expect(card(page, "Details")).toContainText("Call menu (CALLMENU)");
    await page.getByRole("button", { name: "Delete DID" }).click();
    const dialog = page.getByRole("dialog", { name: `Delete DID ${copied}?` });
    await expect(dialog.getByRole("button", { name: "Delete DID" })).toBeDisabled();
    await dialog.getByLabel(`Type ${copied} to confirm`).fill(copied);
    await dialog.getByRole("button", { name: "Delete DID" }).click();
    await expect(heading(page, "DIDs")).toBeVisible({ timeout: 30_000 });
    await search(page, copied);
    await expect(page.getByRole("heading", { name: "No DIDs match" })).toBeVisible();
    await search(page, strippedByVicidial);
    await expect(page.getByRole("link", { name: strippedByVicidial, exact: true })).toBeVisible();
  });

  test("a QA user sees the DIDs but no way to change them", async ({ asRole }) => {
    test.setTimeout(120_000);
    const page = await asRole("qa");
    await page.goto("/dids");
    await expect(heading(page, "DIDs")).toBeVisible();
    await expect(page.getByRole("link", { name: "7275550100" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Add DID" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Add DID" })).toHaveCount(0);

    await page.getByRole("link", { name: "7275550100" }).click();
    await expect(heading(page, "DID 7275550100")).toBeVisible();
    await expect(card(page, "Details")).toContainText("TEST_IN");
    await expect(page.getByRole("form", { name: "Edit DID" })).toHaveCount(0);
    await expect(page.getByRole("form", { name: "Copy DID" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete DID" })).toHaveCount(0);

    await page.goto("/dids/new");
    await expect(page.getByRole("heading", { level: 1, name: FORBIDDEN_HEADING })).toBeVisible();
  });
});
