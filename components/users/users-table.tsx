import { Badge, EmptyState, Table, Td, Th } from "@/components/ui";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { UserSummary } from "@/lib/auth/users";
import { UserActions } from "./user-actions";
import { Time } from "@/components/ui/time";

/** `providerName`: the single sign-on provider's name, for the origin of the users it made. */
export function UsersTable({ users, currentUserId, providerName }: { users: UserSummary[]; currentUserId: number; providerName: string }) {
  if (users.length === 0) return <EmptyState title="No users yet">Create the first one with the form.</EmptyState>;
  return (
    <Table caption="Dashboard users">
      <thead>
        <tr>
          <Th>User</Th>
          <Th>Role</Th>
          <Th>Origin</Th>
          <Th>Status</Th>
          <Th>Last sign-in</Th>
          <Th>Actions</Th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.id}>
            <Td>
              <span className="block font-medium">{u.displayName}</span>
              <span className="block text-xs text-slate-500 dark:text-slate-400">
                {u.username}
                {u.id === currentUserId && " (you)"}
              </span>
            </Td>
            <Td>{ROLE_LABELS[u.role]}</Td>
            <Td>{u.origin === "oidc" ? <Badge tone="blue">{providerName}</Badge> : "Local"}</Td>
            <Td>
              <div className="flex flex-wrap gap-1">
                {u.disabled ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}
                {u.mustChangePassword && <Badge tone="amber">One-time password</Badge>}
              </div>
            </Td>
            <Td className="whitespace-nowrap text-slate-600 dark:text-slate-400">{u.lastSignInAt ? <Time value={u.lastSignInAt} relative /> : "Never"}</Td>
            <Td>
              <UserActions user={{ id: u.id, username: u.username, displayName: u.displayName, role: u.role, disabled: u.disabled, origin: u.origin }} isSelf={u.id === currentUserId} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
