import { expect, test } from "./support/fixtures";

/**
 * A supervisor changes several DIDs at once from the list: selects them, deactivates them as a
 * job with progress, then deletes them behind a confirmation. The DIDs are copies made for this
 * test with numbers no other spec uses.
 */
test("a supervisor deactivates and then deletes DIDs selected in the list, each time as a job", async ({ asRole }) => {
  test.setTimeout(180_000);
  const page = await asRole("supervisor");
  const prefix = `727${String(Date.now()).slice(-5)}`;
  const copies = ["11", "12", "13"].map((end) => `${prefix}${end}`);

  await page.goto("/dids/7275550100");
  const copy = page.getByRole("form", { name: "Copy DID" });
  await copy.getByLabel("New DIDs", { exact: true }).fill(copies.join("\n"));
  await copy.getByRole("button", { name: "Copy to new DIDs" }).click();
  await expect(copy.getByRole("list", { name: "Copy results" }).getByRole("listitem")).toHaveCount(3, { timeout: 30_000 });

  const list = page.getByRole("table", { name: /^DIDs, 3 in all/ });
  const selection = page.getByRole("region", { name: "Selected DIDs" });
  await page.goto(`/dids?q=${prefix}`);
  await expect(list.getByRole("row")).toHaveCount(4);
  await expect(selection.getByRole("button", { name: "Deactivate" })).toBeDisabled();
  await list.getByRole("checkbox", { name: "Select every DID on this page" }).check();
  await expect(selection).toContainText("3 DIDs selected");
  await list.getByRole("checkbox", { name: `Select ${copies[2]}` }).uncheck();
  await expect(selection).toContainText("2 DIDs selected");
  await selection.getByRole("button", { name: "Deactivate" }).click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { level: 1, name: "Deactivate 2 DIDs" })).toBeVisible();
  await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });

  await page.goto(`/dids?q=${prefix}&active=N`);
  await expect(page.getByRole("table", { name: /^DIDs, 2 in all/ }).getByRole("row")).toHaveCount(3);

  await page.goto(`/dids?q=${prefix}`);
  await list.getByRole("checkbox", { name: "Select every DID on this page" }).check();
  await selection.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete: 3 DIDs?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Delete 3 DIDs" })).toBeVisible();
  await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });
  await page.goto(`/dids?q=${prefix}`);
  await expect(page.getByRole("heading", { name: "No DIDs match" })).toBeVisible();
});
