/**
 * Creates a dashboard user from the command line (the first admin of a real deployment):
 *
 *   npm run user:create -- --username jane --role admin [--display-name "Jane Doe"] [--password P]
 *
 * Without --password a one-time password is printed; the user chooses their own at first sign-in.
 * It uses the dashboard's database (DATABASE_URL, or PGlite in DATA_DIR). With the built-in PGlite,
 * stop the dashboard first: two processes must not open the same PGlite directory.
 */
import { parseArgs } from "node:util";
import { recordAudit } from "@/lib/audit/record";
import { ROLES } from "@/lib/auth/permissions";
import { createUserSchema, newPasswordSchema } from "@/lib/auth/schemas";
import { createUser } from "@/lib/auth/users";
import { closeDb } from "@/lib/db";

const USAGE = `Usage: npm run user:create -- --username NAME --role ${ROLES.join("|")} [--display-name "Full Name"] [--password PASSWORD]`;

/** For mistakes in the arguments, found before the database is opened. */
function exit(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        username: { type: "string" },
        role: { type: "string" },
        "display-name": { type: "string" },
        password: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (error) {
    exit(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) exit(USAGE, 0);

  const parsed = createUserSchema.safeParse({ username: values.username ?? "", displayName: values["display-name"] ?? values.username ?? "", role: values.role });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    exit(`--${String(issue?.path[0] ?? "input").replace("displayName", "display-name")}: ${issue?.message}\n${USAGE}`);
  }
  if (values.password !== undefined) {
    const password = newPasswordSchema.safeParse(values.password);
    if (!password.success) exit(`--password: ${password.error.issues[0]?.message}`);
  }

  const result = await createUser({ ...parsed.data, password: values.password });
  if (!result.ok) throw new Error(result.error.message);
  const { user, oneTimePassword } = result.data;
  await recordAudit({
    actor: { id: null, username: "cli", role: null },
    action: "user.create",
    target: user.username,
    after: { username: user.username, displayName: user.displayName, role: user.role },
    outcome: "success",
    message: "Created from the command line",
  });

  console.log(`Created ${user.username} (${user.displayName}), role ${user.role}.`);
  if (oneTimePassword) {
    console.log(`One-time password: ${oneTimePassword}`);
    console.log("It is shown only now. The user chooses their own password at first sign-in.");
  }
}

main()
  .catch((error: unknown) => {
    console.error(`Could not create the user: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  // Closing lets PGlite finish writing before the process ends.
  .finally(() => closeDb());
