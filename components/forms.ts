"use client";

import { deferred } from "@/components/ui/deferred";

/**
 * The pages' forms, each with its code (react-hook-form, the form itself) loaded at the user's
 * first sign of interest rather than with the page (components/ui/deferred.tsx). Only forms whose
 * server HTML already shows their starting values: an edit form's registered fields are empty
 * until react-hook-form is live, so edit forms load with their page.
 */
export const AddDidForm = deferred(() => import("@/components/dids/add-did-form").then((m) => m.AddDidForm));
export const AddPhoneForm = deferred(() => import("@/components/phones/add-phone-form").then((m) => m.AddPhoneForm));
/** The add form only (no `alias`). */
export const AddAliasForm = deferred(() => import("@/components/aliases/alias-form").then((m) => m.AliasForm));
export const JobWizard = deferred(() => import("@/components/jobs/job-wizard").then((m) => m.JobWizard));
export const CallSearchForm = deferred(() => import("@/components/calls/call-search-form").then((m) => m.CallSearchForm));
export const BatchLookup = deferred(() => import("@/components/calls/batch-lookup").then((m) => m.BatchLookup));
export const FlagCallForm = deferred(() => import("@/components/calls/flag-call-form").then((m) => m.FlagCallForm));
export const AddGroupForm = deferred(() => import("@/components/cid-groups/add-group-form").then((m) => m.AddGroupForm));
