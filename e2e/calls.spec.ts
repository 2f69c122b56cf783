import { readFile } from "node:fs/promises";
import type { BrowserContext, Download, Page } from "@playwright/test";
import { expect, roleUser, test, warmUp } from "./support/fixtures";
import { expectRefused } from "./support/page-answer";
import { newSignedInUser } from "./support/users";

/**
 * Call lookup as a QA reviewer uses it, on the simulator's seeded calls (contract 2.10 and the
 * transcripts' seed): look a call up by pasting its ID, read every column, export it, tell
 * "not found" from "call log missing", never send an invalid ID, and check a batch.
 */

const MANUAL = "M2151015000000012345";
const INBOUND = "Y1115101600000012346";
const AUTO = "V1115101700000012347";
const LOG_MISSING = "M1115105000000012399";
const UNKNOWN = "M9999999999999999999";

/** The value shown under a label of the result card. */
const field = (page: Page, label: string) => page.locator(`dt:text-is("${label}") + dd`);

async function lookUp(page: Page, pasted: string): Promise<void> {
  const search = page.getByRole("search", { name: "Look up a call" });
  await search.getByLabel("Call ID").fill(pasted);
  await search.getByRole("button", { name: "Look up" }).click();
}

async function downloaded(download: Download): Promise<string> {
  return readFile((await download.path()) ?? "", "utf8");
}

test.describe("call lookup", () => {
  test.describe.configure({ mode: "serial" });
  // A QA reviewer of this spec's own: the tests read their recent lookups, which the shared QA
  // user's visits elsewhere (the role matrix opens a call page) would add to. Signed in once.
  let qaState: Awaited<ReturnType<BrowserContext["storageState"]>>;
  test.use({ storageState: async ({}, provide) => provide(qaState) });

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(600_000);
    await warmUp(browser, [
      // An invalid ID is refused before VICIdial, so nothing is looked up.
      ["/calls", "Call lookup"],
      ["/calls/batch", "Batch call lookup"],
      ["/calls/M12345", "Call lookup"],
      ["/users", "Users"],
      ["/account", "Account"],
    ]);
    const qa = await newSignedInUser(browser, "qa", "calls-qa");
    qaState = await qa.context.storageState();
    await qa.context.close();
  });

  test("a QA reviewer looks up each seeded call and reads every column", async ({ page, context }) => {
    test.setTimeout(180_000);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Call lookup" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Call lookup" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "No lookups yet" })).toBeVisible();

    // Pasted from a ticket, with quotes and spaces around it.
    await lookUp(page, `  "${MANUAL}" `);
    await expect(page).toHaveURL(new RegExp(`/calls/${MANUAL}$`));
    await expect(page.getByRole("heading", { level: 1, name: `Call ${MANUAL}` })).toBeVisible();
    await expect(field(page, "Call ID")).toContainText(MANUAL);
    await expect(field(page, "Direction and kind")).toHaveText("Outbound, manual dial");
    await expect(field(page, "Date and time")).toContainText("Fri, Nov 15, 2024, 10:15:00 AM");
    await expect(field(page, "Customer phone")).toHaveText("(727) 555-1234");
    await expect(field(page, "Campaign")).toHaveText("TESTCAMP");
    await expect(field(page, "List")).toHaveText("998");
    await expect(field(page, "Status")).toHaveText("SALE — Sale made");
    await expect(field(page, "Agent")).toHaveText("6666");
    await expect(field(page, "Customer talk time")).toHaveText("1:30");

    await page.getByRole("button", { name: "Copy call ID" }).click();
    await expect(page.getByRole("button", { name: "Copy call ID" })).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(MANUAL);

    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    expect(csv.suggestedFilename()).toBe(`call-${MANUAL}.csv`);
    expect(await downloaded(csv)).toContain(`${MANUAL},Outbound,OUTBOUND_MANUAL,2024-11-15 10:15:00,7275551234,TESTCAMP,998,SALE,6666,1:30,90`);
    const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export JSON" }).click()]);
    expect(json.suggestedFilename()).toBe(`call-${MANUAL}.json`);
    expect(JSON.parse(await downloaded(json))).toMatchObject({ call_id: MANUAL, direction: "Outbound", call_type: "OUTBOUND_MANUAL", status: "SALE", talk_time: "1:30", talk_seconds: 90 });

    await lookUp(page, INBOUND);
    await expect(page.getByRole("heading", { level: 1, name: `Call ${INBOUND}` })).toBeVisible();
    await expect(field(page, "Direction and kind")).toHaveText("Inbound");
    await expect(field(page, "Date and time")).toContainText("Fri, Nov 15, 2024, 10:16:00 AM");
    await expect(field(page, "Customer phone")).toHaveText("(813) 555-9876");
    await expect(field(page, "In-group")).toHaveText("TEST_IN");
    await expect(field(page, "List")).toHaveText("999");
    await expect(field(page, "Status")).toHaveText("NI — Not interested");
    await expect(field(page, "Agent")).toHaveText("6666");
    await expect(field(page, "Customer talk time")).toHaveText("3:35");

    await lookUp(page, AUTO);
    await expect(page.getByRole("heading", { level: 1, name: `Call ${AUTO}` })).toBeVisible();
    await expect(field(page, "Direction and kind")).toHaveText("Outbound, auto-dial");
    await expect(field(page, "Date and time")).toContainText("Fri, Nov 15, 2024, 10:17:00 AM");
    await expect(field(page, "Customer phone")).toHaveText("(312) 555-4321");
    await expect(field(page, "Campaign")).toHaveText("TESTCAMP");
    await expect(field(page, "List")).toHaveText("998");
    await expect(field(page, "Status")).toHaveText("NA — No answer (auto-dial)");
    await expect(field(page, "Agent")).toHaveText("VDAD (auto-dialer, no agent)");
    await expect(field(page, "Customer talk time")).toContainText("0:00");
    await expect(field(page, "Customer talk time")).toContainText("No agent talked to the customer");

    // The deep link works on its own, as pasted into a ticket.
    await page.goto(`/calls/${MANUAL}`);
    await expect(field(page, "Status")).toHaveText("SALE — Sale made");

    // Recent lookups, newest first, from the audit log.
    await page.getByRole("link", { name: "All lookups" }).click();
    const recent = page.getByRole("table", { name: "Your recent call lookups, newest first" });
    await expect(recent.getByRole("row")).toHaveCount(5);
    await expect(recent.getByRole("row").nth(1)).toContainText(MANUAL);
    await expect(recent.getByRole("row").nth(2)).toContainText(AUTO);
    await expect(recent.getByRole("row").nth(3)).toContainText(INBOUND);
    await expect(recent.getByRole("row").nth(4)).toContainText(MANUAL);
    await expect(recent.getByRole("row").nth(3)).toContainText("Found");
  });

  test("a known call without its call log and an unknown call are told apart", async ({ page }) => {
    await page.goto("/calls");

    await lookUp(page, LOG_MISSING);
    const missing = page.getByRole("alert", { name: "Call found, but its call log is missing" });
    await expect(missing).toBeVisible();
    await expect(missing).toContainText(`VICIdial knows the call ID ${LOG_MISSING}`);
    await missing.getByText("Details", { exact: true }).click();
    await expect(missing).toContainText("ERROR: callid_info CALL LOG NOT FOUND: 6666|");
    await expect(page.getByText("VICIdial knows this call ID but has no call log for it")).toBeVisible(); // the toast

    await lookUp(page, UNKNOWN);
    const unknown = page.getByRole("alert", { name: "Call not found" });
    await expect(unknown).toBeVisible();
    await expect(unknown).toContainText(`VICIdial has no call with the ID ${UNKNOWN}`);
    await expect(page.getByRole("alert", { name: "Call found, but its call log is missing" })).toHaveCount(0);

    await page.goto("/calls");
    const recent = page.getByRole("table", { name: "Your recent call lookups, newest first" });
    await expect(recent.getByRole("row").nth(1)).toContainText("Not found");
    await expect(recent.getByRole("row").nth(2)).toContainText("Call log missing");
  });

  test("an invalid call ID is explained and never reaches VICIdial", async ({ page }) => {
    await page.goto("/calls");
    // A lookup would be a call page load or a server action; the shell's status polling is
    // neither, and neither are Next's link prefetches (the batch page link, in production).
    const lookups: string[] = [];
    page.on("request", (request) => {
      if (request.headers()["next-router-prefetch"]) return;
      if (request.method() === "POST" || new URL(request.url()).pathname.startsWith("/calls/")) lookups.push(request.url());
    });

    await lookUp(page, "M12345");
    await expect(page.getByText("A call ID has 18 to 30 characters; this one has 6")).toBeVisible();
    await lookUp(page, "m2151015000000012345");
    await expect(page.getByText('A call ID starts with an upper-case prefix: "M", not "m"')).toBeVisible();
    await lookUp(page, "A2151015000000012345");
    await expect(page.getByText('A VICIdial call ID starts with Y, J, V, M, DC, S, LP, VH or XL; this one starts with "A"')).toBeVisible();
    // The lookup's own field (the call search above it has a call ID field too).
    const lookupField = page.getByRole("search", { name: "Look up a call" }).getByLabel("Call ID");
    await expect(lookupField).toHaveValue("A2151015000000012345");
    await expect(lookupField).toHaveAttribute("aria-invalid", "true");

    expect(lookups).toEqual([]);
    await expect(page).toHaveURL(/\/calls$/);

    // A hand-made deep link is checked on the server too, before anything is sent.
    await page.goto("/calls/M12345");
    await expect(page.getByRole("alert", { name: "Not a call ID VICIdial accepts" })).toContainText("Nothing was sent to VICIdial");
  });

  test("a batch of ten with two invalid IDs: invalid ones marked, the rest looked up, sorted and exported", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto("/calls");
    await page.getByRole("link", { name: "Look up many calls" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Batch call lookup" })).toBeVisible();

    const ids = [MANUAL, INBOUND, AUTO, LOG_MISSING, UNKNOWN, "M9999999999999999998", "M12345", "S9999999999999999997", "Q1115101600000012346", "J9999999999999999996"];
    await page.getByLabel("Call IDs").fill(`${ids.slice(0, 5).join("\n")}\n${ids.slice(5).join(", ")}`);
    await page.getByRole("button", { name: "Look up all" }).click();

    await expect(page.getByText("10 call IDs pasted · 2 invalid, not sent to VICIdial · 8 to look up")).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "Looked up" })).toHaveAttribute("aria-valuenow", "8");
    await expect(page.getByRole("main").getByText("Batch lookup finished: 3 found, 1 without call log, 4 not found, 2 invalid")).toBeVisible();

    const table = page.getByRole("table", { name: "Batch lookup results" });
    await expect(table.getByRole("row")).toHaveCount(11);
    const row = (id: string) => table.getByRole("row").filter({ hasText: id });
    await expect(row(MANUAL)).toContainText("Found");
    await expect(row(MANUAL)).toContainText("(727) 555-1234");
    await expect(row(MANUAL)).toContainText("1:30");
    await expect(row(LOG_MISSING)).toContainText("Call log missing");
    await expect(row(UNKNOWN)).toContainText("Not found");
    await expect(row("M12345")).toContainText("Invalid call ID");
    await expect(row("M12345")).toContainText("A call ID has 18 to 30 characters; this one has 6");
    await expect(row("Q1115101600000012346")).toContainText("Invalid call ID");

    // Longest talk first: the inbound call (3:35), the manual one (1:30), then the auto-dialed (0:00).
    // Each click waits for the one before to show: sorting reflows the columns under the pointer.
    const talkTime = table.getByRole("columnheader", { name: "Talk time" });
    await table.getByRole("button", { name: "Talk time" }).click();
    await expect(talkTime).toHaveAttribute("aria-sort", "ascending");
    await table.getByRole("button", { name: "Talk time" }).click();
    await expect(talkTime).toHaveAttribute("aria-sort", "descending");
    await expect(table.getByRole("row").nth(1)).toContainText(INBOUND);
    await expect(table.getByRole("row").nth(2)).toContainText(MANUAL);
    await expect(table.getByRole("row").nth(3)).toContainText(AUTO);

    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
    const lines = (await downloaded(csv)).trim().split("\r\n");
    expect(lines).toHaveLength(11);
    expect(lines[1]).toMatch(new RegExp(`^${INBOUND},Found,,Inbound,INBOUND,`));
    expect(lines.filter((line) => line.includes(",Invalid call ID,"))).toHaveLength(2);

    // The pasted text is still there for a second try.
    await expect(page.getByLabel("Call IDs")).toHaveValue(new RegExp(MANUAL));
  });
});

test("a provisioning user cannot open call lookup", async ({ asRole }) => {
  const page = await asRole("provisioning");
  await page.goto("/");
  await expect(page.getByTestId("current-user")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Call lookup" })).toHaveCount(0);
  for (const path of ["/calls", "/calls/batch", `/calls/${MANUAL}`]) {
    const answer = await expectRefused(page.request, path);
    expect(answer.body).not.toContain("TESTCAMP");
  }
});

test.describe("call search, card and recordings (the simulator's call logs)", () => {
  // The demo's first customer (lib/simulator/calls/demo.ts): three calls in the last hours, each recorded.
  const PASTED = "+1 (727) 555-0142";

  test("a supervisor finds a customer's calls by a pasted number, plays, seeks and downloads a recording, flags the call, and the audit log shows it", async ({ asRole }) => {
    test.setTimeout(240_000);
    // The shared supervisor: no other test plays or downloads a recording or flags a call, so
    // their audit entries of those kinds are this test's.
    const page = await asRole("supervisor");
    await page.goto("/calls");
    const search = page.getByRole("search", { name: "Search calls" });

    // A number that is not one: said next to the field, nothing searched.
    await search.getByLabel("Phone number").fill("727-CALL-NOW");
    await search.getByRole("button", { name: "Search" }).click();
    await expect(search.getByText("Enter a phone number")).toBeVisible();
    await expect(page.getByText("Nothing was searched")).toBeVisible();

    await search.getByLabel("Phone number").fill(PASTED);
    await search.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/phone=%2B1\+%28727%29\+555-0142/);
    const results = page.getByRole("table", { name: "Calls found" });
    await expect(results.getByRole("row")).toHaveCount(4);
    await expect(results.getByRole("row").nth(1)).toContainText("(727) 555-0142");
    await expect(results.getByRole("row").nth(1)).toContainText("Outbound");
    await expect(results.getByRole("row").nth(2)).toContainText("Inbound");

    // The URL is the search: reloading it shows the same calls.
    await page.reload();
    await expect(results.getByRole("row")).toHaveCount(4);

    await results.getByRole("row").nth(1).getByRole("link", { name: /^Open/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Outbound call" })).toBeVisible();
    await expect(field(page, "Customer")).toHaveText("Maria Lopez (lead 200001)");
    await expect(field(page, "Customer phone")).toHaveText("(727) 555-0142");
    await expect(field(page, "Agent")).toHaveText(/^[A-Z][a-z]+ [A-Z][a-z]+ \(agent10\d\)$/);
    await expect(field(page, "Status")).toContainText("SALE — ");
    await expect(field(page, "Started")).toContainText("VICIdial server time");
    await expect(field(page, "Hangup")).toContainText("VICIdial: ");
    await expect(page.getByRole("table", { name: "Other calls with this lead or number" }).getByRole("row")).toHaveCount(3);

    const statuses: { status: number; range: string | null }[] = [];
    page.on("response", (response) => {
      if (response.url().includes("/calls/recordings/")) statuses.push({ status: response.status(), range: response.headers()["content-range"] ?? null });
    });
    const audio = page.locator("audio").first();
    await audio.scrollIntoViewIfNeeded();
    const box = (await audio.boundingBox())!;
    // The player's own play button (left end of the native controls).
    await page.mouse.click(box.x + 18, box.y + box.height / 2);
    await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => !element.paused && element.currentTime > 0.3), { timeout: 20_000 }).toBe(true);

    // Seek: the player asks the relay for a later range and plays on from there.
    await audio.evaluate((element: HTMLAudioElement) => {
      element.currentTime = 2.5;
    });
    await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime), { timeout: 20_000 }).toBeGreaterThan(2.7);
    expect(statuses.some((response) => response.status === 206 && /^bytes \d+-\d+\/\d+$/.test(response.range ?? ""))).toBe(true);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download" }).first().click()]);
    expect(download.suggestedFilename()).toMatch(/^\d{8}-\d{6}_7275550142_agent10\d\.wav$/);
    const bytes = await readFile((await download.path()) ?? "");
    expect(bytes.subarray(0, 4).toString("latin1")).toBe("RIFF");

    const flag = page.getByRole("form", { name: "Flag this call" });
    await flag.getByLabel("Reason").selectOption({ label: "Customer dispute" });
    await flag.getByLabel("Notes").fill("Customer says they never agreed to renew");
    await flag.getByRole("button", { name: "Flag call" }).click();
    await expect(page.getByText("Customer says they never agreed to renew")).toBeVisible();

    await page.goto("/calls/flags?q=(727)%20555-0142");
    const flags = page.getByRole("table", { name: "Flagged calls" });
    await expect(flags.getByRole("row").filter({ hasText: "Customer says they never agreed to renew" })).toHaveCount(1);
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
    const exported = await downloaded(csv);
    expect(exported).toMatch(/^flag_id,flagged_at_utc,flagged_by,reason,notes/);
    expect(exported).toContain("Customer says they never agreed to renew");
    expect(exported).toMatch(/\/calls\/recordings\/\d+\?download=1/);
    expect(exported).not.toContain("RECORDINGS");

    await page.goto(`/audit?user=${roleUser("supervisor").username}`);
    const audit = page.getByRole("table", { name: "Audit log entries" });
    await expect(audit.getByRole("row").filter({ hasText: "Call recording played" }).first()).toBeVisible();
    await expect(audit.getByRole("row").filter({ hasText: "Call recording downloaded" })).toHaveCount(1);
    await expect(audit.getByRole("row").filter({ hasText: "Call flagged" })).toHaveCount(1);
  });
});
