import { expect, test } from "./support/fixtures";

test.describe("each role's overview", () => {
  test("a supervisor sees changes per day as a chart with its figures, unused CID entries and unchecked DID targets", async ({ asRole }) => {
    const page = await asRole("supervisor");
    // Opening a group reads its entries: the seed's US_SALES has one entry without a call today.
    await page.goto("/cid-groups/US_SALES");
    await expect(page.getByRole("heading", { level: 1, name: /US_SALES/ })).toBeVisible();
    await expect(page.getByText("7275551002").first()).toBeVisible();

    await page.goto("/");
    const changes = page.locator("section").filter({ has: page.getByRole("heading", { name: "DID and CID changes, last 14 days" }) });
    await expect(changes.getByRole("img", { name: /DID and CID changes per day/ })).toBeVisible();
    await changes.getByText("Show the figures as a table").click();
    const figures = changes.getByRole("table", { name: /DID and CID changes per day/ });
    await expect(figures.getByRole("row")).toHaveCount(15);
    await expect(figures.getByRole("columnheader")).toHaveText(["Day", "DID changes", "CID changes", "Total"]);

    const idle = page.getByRole("table", { name: "CID groups with entries that had no call today" });
    await expect(idle.getByRole("row", { name: /US_SALES/ })).toContainText(/\d+ of \d+/);
    await expect(page.getByTestId("unknown-targets")).toContainText("VICIdial's database");
    await expect(page.getByRole("heading", { name: "VICIdial connection" })).toHaveCount(0);
  });

  test("QA sees its own recent lookups and the open flagged calls", async ({ asRole }) => {
    // The shared QA user: its few other lookups (the role matrix opens this call too) stay well
    // within the card's fifteen.
    const page = await asRole("qa");
    await page.goto("/calls/M2151015000000012345");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.goto("/");
    await expect(page.getByRole("table", { name: "Your recent call lookups, newest first" })).toContainText("M2151015000000012345");
    // Other specs flag calls at the same time: the card shows either the open flags or how to flag one.
    const flags = page.locator("section").filter({ has: page.getByRole("heading", { name: "Flagged calls" }) });
    await expect(flags.getByText(/open flags?$|No open flags/).first()).toBeVisible();
    await expect(flags.getByRole("link", { name: "All flagged calls" })).toHaveAttribute("href", "/calls/flags");
    await expect(page.getByRole("heading", { name: "VICIdial connection" })).toHaveCount(0);
  });
});
