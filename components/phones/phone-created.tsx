"use client";

import { Button, ButtonLink, Card, SuccessCallout } from "@/components/ui";
import type { AddPhone } from "@/lib/phones/schemas";
import { CopyButton } from "@/components/ui/copy-button";
import { phonePath } from "./labels";

/**
 * After an add: the passwords, once. The dashboard never stores them, so this is the only time
 * anyone sees them here; leaving the page forgets them.
 */
export function PhoneCreated({ phone, onAddAnother }: { phone: AddPhone; onAddAnother: () => void }) {
  const secrets = [
    { label: "Phone password", value: phone.phonePass },
    { label: "Registration password", value: phone.registrationPassword },
  ];
  return (
    <div className="space-y-4">
      <SuccessCallout>
        Phone <strong>{phone.extension}</strong> was added on {phone.serverIp} with login <strong>{phone.phoneLogin}</strong>.
      </SuccessCallout>
      <Card title="Passwords, shown once">
        <p className="mb-4 text-sm text-amber-800 dark:text-amber-300">
          Copy these now. The dashboard does not keep them: after you leave this page they can only be replaced, not shown again.
        </p>
        <dl className="space-y-3">
          {secrets.map((secret) => (
            <div key={secret.label} className="flex flex-wrap items-center gap-3">
              <dt className="w-48 text-sm font-medium">{secret.label}</dt>
              <dd className="flex items-center gap-2">
                <code data-testid={`created-${secret.label.toLowerCase().replace(/ /g, "-")}`} className="rounded bg-slate-100 px-2 py-1 font-mono text-sm dark:bg-slate-800">
                  {secret.value}
                </code>
                <CopyButton value={secret.value} label={`Copy ${secret.label.toLowerCase()}`} />
              </dd>
            </div>
          ))}
        </dl>
      </Card>
      <div className="flex flex-wrap gap-3">
        <ButtonLink href={phonePath(phone)}>Open phone {phone.extension}</ButtonLink>
        <Button variant="secondary" onClick={onAddAnother}>
          Add another phone
        </Button>
        <ButtonLink href="/phones" variant="ghost">
          Back to phones
        </ButtonLink>
      </div>
    </div>
  );
}
