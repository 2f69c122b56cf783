import { expect, roleState, test } from "./support/fixtures";

// A zone without daylight saving, so the expected offset holds whatever the date.
test.use({ timezoneId: "Asia/Kolkata", storageState: roleState("admin") });

test.describe("one way to show time", () => {
  test("times appear in the viewer's zone with the offset, the exact time on hover, without hydration errors", async ({ page }) => {
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && /hydrat|did not match/i.test(message.text())) problems.push(message.text());
    });

    await page.goto("/audit?action=auth.sign_in");
    const firstTime = page.getByRole("table", { name: "Audit log entries" }).getByRole("row").nth(1).locator("time");
    await expect(firstTime).toContainText("UTC+5:30");
    // Chromium names this zone by its older alias, Asia/Calcutta.
    await expect(firstTime).toHaveAttribute("title", /\(Asia\/(Kolkata|Calcutta)\) · \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    await expect(page.getByText(/^Days in Asia\/(Kolkata|Calcutta)$/).first()).toBeVisible();

    // Recency matters for a last sign-in: it reads "just now", the date beside it.
    await page.goto("/users");
    const admin = page.getByRole("row").filter({ hasText: "admin" }).first();
    await expect(admin.locator("time")).toContainText(/just now|min ago/);
    await expect(admin.locator("time")).toContainText("UTC+5:30");
    expect(problems).toEqual([]);
  });
});
