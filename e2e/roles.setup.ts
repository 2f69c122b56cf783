import { ROLES, type Role } from "../lib/auth/permissions";
import { expect, signInAsAdmin, test as setup } from "./support/fixtures";
import { roleState, saveRoleUsers, type RoleUser } from "./support/roles";
import { changeOwnPassword, createUserViaUi, strongPassword, submitLogin, uniqueUsername } from "./support/users";

/**
 * The "setup" project: every role signs in through the real form once per run and its browser
 * state is stored (see e2e/support/roles.ts). The admin creates one user per other role, as an
 * admin would; each signs in with the one-time password and chooses their own.
 */
setup("every role signs in once through the form", async ({ browser, baseURL }) => {
  // Timeouts: the "setup" project's own, in playwright.config.ts.
  const users = { admin: { username: "admin", password: process.env.DEMO_ADMIN_PASSWORD ?? "" } } as Record<Role, RoleUser>;

  const admin = await browser.newContext({ baseURL });
  const adminPage = await admin.newPage();
  // Straight to the users page, where the admin goes next.
  await signInAsAdmin(adminPage, { callbackUrl: "/users" });
  await expect(adminPage).toHaveURL(/\/users$/);
  await admin.storageState({ path: roleState("admin") });
  const others = ROLES.filter((role) => role !== "admin");
  const oneTimePasswords = new Map<Role, string>();
  for (const role of others) {
    const username = uniqueUsername(`e2e-${role}`);
    oneTimePasswords.set(role, await createUserViaUi(adminPage, { username, role }));
    users[role] = { username, password: strongPassword() };
  }
  await admin.close();

  // Side by side: at bcrypt cost 4 the server's share is small, and the two cores render two pages at once.
  await Promise.all(
    others.map(async (role) => {
      const { username, password } = users[role];
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      await submitLogin(page, username, oneTimePasswords.get(role)!);
      await expect(page).toHaveURL(/\/account/);
      await changeOwnPassword(page, oneTimePasswords.get(role)!, password);
      await expect(page).not.toHaveURL(/\/account/);
      await expect(page.getByTestId("current-user")).toBeVisible();
      await context.storageState({ path: roleState(role) });
      await context.close();
    }),
  );
  saveRoleUsers(users);
});
