"use client";

import { useId, useState } from "react";
import { changeRoleAction, disableUserAction, enableUserAction, resetPasswordAction } from "@/app/(dashboard)/users/actions";
import { Button, Select } from "@/components/ui";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useAction } from "@/components/ui/use-action";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/permissions";
import { OneTimePasswordDialog } from "./one-time-password-dialog";

export interface UserRowData {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  /** Provider users: the provider keeps the password and decides the role, so neither is offered here. */
  origin: "local" | "oidc";
}

type Pending = { kind: "role"; role: Role } | { kind: "disable" } | { kind: "enable" } | { kind: "reset" } | null;
type Change = Exclude<Pending, null | { kind: "reset" }>;

/** The row's changes other than a password reset (which answers with a password), as one action. */
function changeUser(_prev: unknown, { userId, change }: { userId: number; change: Change }) {
  if (change.kind === "role") return changeRoleAction(undefined, { userId, role: change.role });
  if (change.kind === "disable") return disableUserAction(undefined, { userId });
  return enableUserAction(undefined, { userId });
}

/** A user's row controls: role, disable/enable and password reset (local users), each confirmed first. */
export function UserActions({ user, isSelf }: { user: UserRowData; isSelf: boolean }) {
  const [pending, setPending] = useState<Pending>(null);
  const [issued, setIssued] = useState<{ username: string; oneTimePassword: string } | null>(null);
  const roleId = useId();
  const local = user.origin === "local";
  const close = () => setPending(null);
  const change = useAction(changeUser, { onSuccess: close, onFailure: close });
  const reset = useAction(resetPasswordAction, {
    onSuccess: (data) => {
      close();
      setIssued(data);
    },
    onFailure: close,
  });
  const busy = change.pending || reset.pending;

  const confirm = () => {
    if (!pending) return;
    if (pending.kind === "reset") void reset.run({ userId: user.id });
    else void change.run({ userId: user.id, change: pending });
  };

  const dialog = (() => {
    switch (pending?.kind) {
      case "role":
        return {
          title: `Change ${user.username}'s role?`,
          body: `From ${ROLE_LABELS[user.role]} to ${ROLE_LABELS[pending.role]}. They are signed out and sign in again with the new role.`,
          confirmLabel: "Change role",
          destructive: false,
        };
      case "disable":
        return { title: `Disable ${user.username}?`, body: "They are signed out at once and cannot sign in until enabled again.", confirmLabel: "Disable", destructive: true };
      case "enable":
        return { title: `Enable ${user.username}?`, body: "They can sign in again with their current password.", confirmLabel: "Enable", destructive: false };
      case "reset":
        return {
          title: `Reset ${user.username}'s password?`,
          body: "Their current password stops working and they are signed out. You get a one-time password to give them.",
          confirmLabel: "Reset password",
          destructive: true,
        };
      default:
        return null;
    }
  })();

  return (
    <div className="flex flex-wrap items-center gap-2">
      {local && (
        <>
      <label htmlFor={roleId} className="sr-only">
        Role of {user.username}
      </label>
      <div className="w-44">
        <Select
          id={roleId}
          value={user.role}
          disabled={isSelf || busy}
          title={isSelf ? "Another admin must change your role" : undefined}
          onChange={(e) => {
            const role = ROLES.find((r) => r === e.target.value);
            if (role) setPending({ kind: "role", role });
          }}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </Select>
      </div>
        </>
      )}
      {user.disabled ? (
        <Button variant="secondary" size="sm" disabled={busy} onClick={() => setPending({ kind: "enable" })} aria-label={`Enable ${user.username}`}>
          Enable
        </Button>
      ) : (
        <Button variant="secondary" size="sm" disabled={isSelf || busy} onClick={() => setPending({ kind: "disable" })} aria-label={`Disable ${user.username}`}>
          Disable
        </Button>
      )}
      {local && (
        <Button variant="ghost" size="sm" disabled={busy} onClick={() => setPending({ kind: "reset" })} aria-label={`Reset password of ${user.username}`}>
          Reset password
        </Button>
      )}
      {dialog && (
        <ConfirmDialog open title={dialog.title} confirmLabel={dialog.confirmLabel} destructive={dialog.destructive} busy={busy} onConfirm={confirm} onCancel={() => setPending(null)}>
          <p>{dialog.body}</p>
        </ConfirmDialog>
      )}
      <OneTimePasswordDialog issued={issued} onClose={() => setIssued(null)} />
    </div>
  );
}
