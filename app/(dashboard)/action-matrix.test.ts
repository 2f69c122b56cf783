import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ok } from "@/lib/actions/result";
import { actionDefinition } from "@/lib/actions/action";
import { ACTION_CASES, ACTIONS_OUTSIDE_THE_MATRIX } from "./action-matrix/index.cases";
import { can, ROLES, type Role } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { testSession } from "@/lib/testing/session";
import { replaceExportForFile } from "@/lib/testing/replace-export";
import * as auditRecord from "@/lib/audit/record";
import * as actionRunner from "@/lib/actions/action-runner";

/**
 * The role matrix for server actions: every action, called as anonymous and as every role, is
 * allowed or refused exactly as PERMISSIONS says, and a refused call never reaches its handler.
 * Handlers never run here (the runner is replaced), so no database or VICIdial is needed.
 */
const state = testSession();
replaceExportForFile(auditRecord, "recordAudit", async () => 1);
const runner = { runHandler: vi.fn(async () => ok(null, "handler reached")) };
replaceExportForFile(actionRunner, "runHandler", runner.runHandler);

type Callable = (prev: unknown, input: unknown) => Promise<{ ok: boolean; error?: { kind: string } }>;
const userWith = (role: Role): CurrentUser => ({ id: 42, username: `matrix-${role}`, displayName: role, role, mustChangePassword: false });

const ROOT = path.resolve(__dirname, "../..");

/** Every file under app/ and lib/ that starts with "use server". */
function serverActionFiles(dir = ROOT, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    const rel = path.relative(ROOT, full);
    if (entry.isDirectory()) {
      if (dir === ROOT && !["app", "lib", "components"].includes(entry.name)) continue;
      serverActionFiles(full, found);
    } else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      if (/^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(readFileSync(full, "utf8"))) found.push(rel);
    }
  }
  return found;
}

describe("server action role matrix", () => {
  beforeEach(() => {
    runner.runHandler.mockClear();
    state.user = null;
  });

  it("lists every exported server action", async () => {
    const listed = new Set(ACTION_CASES.map((c) => c.action as unknown));
    const missing: string[] = [];
    for (const file of serverActionFiles()) {
      const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value !== "function" || listed.has(value) || ACTIONS_OUTSIDE_THE_MATRIX[`${file}#${name}`]) continue;
        const declared = actionDefinition(value)?.permission;
        missing.push(`${file}#${name}${declared ? ` (declares ${declared})` : " (not declared with action())"}`);
      }
    }
    expect(missing, "add these to ACTION_CASES in app/(dashboard)/action-matrix/index.cases.ts").toEqual([]);
  });

  it("lists each action once", () => {
    const seen = new Map<unknown, string>();
    const twice = ACTION_CASES.filter((c) => seen.has(c.action) || !seen.set(c.action, c.name)).map((c) => c.name);
    expect(twice).toEqual([]);
  });

  it.each(ACTION_CASES.map((c) => [c.name, c] as const))("%s is declared with the permission the roles table gives it", (_name, c) => {
    expect(actionDefinition(c.action)?.permission).toBe(c.permission);
  });

  describe.each(ACTION_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const call = () => (c.action as unknown as Callable)(undefined, c.validInput ?? {});

    it("refuses anonymous callers without reaching the handler", async () => {
      expect(await call()).toMatchObject({ ok: false, error: { kind: "unauthorized" } });
      expect(runner.runHandler).not.toHaveBeenCalled();
    });

    it.each(ROLES.map((role) => [role, can(role, c.permission)] as const))("as %s: allowed = %s", async (role, allowed) => {
      state.user = userWith(role);
      const result = await call();
      if (!allowed) {
        expect(result).toMatchObject({ ok: false, error: { kind: "forbidden" } });
        expect(runner.runHandler).not.toHaveBeenCalled();
      } else if (c.validInput !== undefined) {
        expect(result).toEqual(ok(null, "handler reached"));
        expect(runner.runHandler).toHaveBeenCalledTimes(1);
      } else {
        // No sample input: passing the gates is shown by getting as far as the schema.
        expect(result.ok === true || result.error?.kind === "validation").toBe(true);
      }
    });
  });
});
