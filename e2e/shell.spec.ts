import { expect, roleState, test } from "./support/fixtures";

test.describe("dashboard shell", () => {
  test("an admin sees the navigation, who is signed in and that the built-in simulator answers", async ({ asRole }) => {
    const page = await asRole("admin");
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of ["Overview", "DIDs", "Phones", "Phone aliases", "CID groups", "Call lookup", "Bulk jobs", "Audit log", "Users"]) {
      await expect(nav.getByRole("link", { name: label })).toBeVisible();
    }
    await expect(page.getByTestId("current-user")).toHaveText("Demo admin");
    await expect(page.getByRole("banner").getByText("Built-in simulator", { exact: true })).toBeVisible();
    await expect(page.getByText("VICIdial 2.14-194")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  });

  test("follows the system theme: dark background in dark mode, light in light mode", async ({ browser, baseURL }) => {
    const lightness = async (colorScheme: "dark" | "light") => {
      const context = await browser.newContext({ colorScheme, baseURL });
      const page = await context.newPage();
      await page.goto("/login");
      // Paint the computed colour (oklch, lab, rgb: whatever the engine reports) and read it back
      // as RGB, so the check is about what the user sees.
      const [r, g, b] = await page.evaluate(() => {
        const canvas = document.createElement("canvas");
        canvas.width = canvas.height = 1;
        const ctx = canvas.getContext("2d")!;
        ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
        ctx.fillRect(0, 0, 1, 1);
        return Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
      });
      await context.close();
      return ((r ?? 0) + (g ?? 0) + (b ?? 0)) / 765;
    };
    expect(await lightness("dark")).toBeLessThan(0.3);
    expect(await lightness("light")).toBeGreaterThan(0.9);
  });

  test("stays usable on a tablet: navigation and content both reachable", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, baseURL, storageState: roleState("admin") });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "DIDs" }).click();
    await expect(page).toHaveURL(/\/dids/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
