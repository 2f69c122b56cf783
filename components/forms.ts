"use client";

import { deferred } from "@/components/ui/deferred";

/**
 * The pages' forms, each with its code (react-hook-form, the form itself) loaded at the user's
 * first sign of interest rather than with the page (components/ui/deferred.tsx). A form whose
 * fields start with a value registers them with registerShown, so the server's HTML shows it.
 */
export const AddDidForm = deferred(() => import("@/components/dids/add-did-form").then((m) => m.AddDidForm));
export const EditDidForm = deferred(() => import("@/components/dids/edit-did-form").then((m) => m.EditDidForm));
export const CopyDidForm = deferred(() => import("@/components/dids/copy-did-form").then((m) => m.CopyDidForm));
export const AddPhoneForm = deferred(() => import("@/components/phones/add-phone-form").then((m) => m.AddPhoneForm));
export const EditPhoneForm = deferred(() => import("@/components/phones/edit-phone-form").then((m) => m.EditPhoneForm));
/** Adds an alias, or changes the one given as `alias`. */
export const AliasForm = deferred(() => import("@/components/aliases/alias-form").then((m) => m.AliasForm));
export const JobWizard = deferred(() => import("@/components/jobs/job-wizard").then((m) => m.JobWizard));
export const CallSearchForm = deferred(() => import("@/components/calls/call-search-form").then((m) => m.CallSearchForm));
export const BatchLookup = deferred(() => import("@/components/calls/batch-lookup").then((m) => m.BatchLookup));
export const FlagCallForm = deferred(() => import("@/components/calls/flag-call-form").then((m) => m.FlagCallForm));
/**
 * A CID group's entries with every control on them (TanStack Query, the add-entry form): shown
 * from the server's HTML, live at first interest like a form. A click on a control before then
 * is held and made again once it is live.
 */
export const CidGroupLive = deferred(() => import("@/components/cid-groups/group-live").then((m) => m.CidGroupLive));
export const AddGroupForm = deferred(() => import("@/components/cid-groups/add-group-form").then((m) => m.AddGroupForm));
export const LoginForm = deferred(() => import("@/components/auth/login-form").then((m) => m.LoginForm));
export const ChangePasswordForm = deferred(() => import("@/components/auth/change-password-form").then((m) => m.ChangePasswordForm));
export const CreateUserForm = deferred(() => import("@/components/users/create-user-form").then((m) => m.CreateUserForm));
export const RoleMapForm = deferred(() => import("@/components/settings/role-map-form").then((m) => m.RoleMapForm));
