import { notFound } from "next/navigation";
import { JobWizard } from "@/components/forms";
import { buttonClass, PageHeader } from "@/components/ui";
import { requirePage } from "@/lib/auth/guard";
import { listCidGroups } from "@/lib/cid-groups/inventory";
import { listDids } from "@/lib/dids/inventory";
import { knownPhoneServers } from "@/lib/phones/inventory";
import { isFileJobKind, JOB_KIND_INFO, MAX_JOB_ROWS, type FileJobKind } from "@/lib/jobs/kinds";
import { JOB_SPECS } from "@/lib/jobs/prepare";

export async function generateMetadata({ params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  return { title: isFileJobKind(kind) ? `New job: ${JOB_KIND_INFO[kind].label}` : "New bulk job" };
}

/** Suggestions for the job's settings, from the inventory (VICIdial's API cannot list them). */
async function choicesFor(kind: FileJobKind) {
  const [groups, servers, dids] = await Promise.all([
    kind === "cid" ? listCidGroups({ pageSize: 500 }).then((r) => r.rows.map((g) => g.id)) : [],
    kind === "agents" ? knownPhoneServers() : [],
    kind === "did-copy" ? listDids({ sort: "pattern", dir: "asc", size: 100 }).then((r) => r.rows.map((d) => d.didPattern)) : [],
  ]);
  return { groups, servers, dids };
}

export default async function NewJobOfKindPage({ params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  if (!isFileJobKind(kind)) notFound();
  const info = JOB_KIND_INFO[kind];
  await requirePage("/jobs/new/[kind]", kind);
  return (
    <>
      <PageHeader
        title={`New job: ${info.label}`}
        description={`${info.description} Up to ${MAX_JOB_ROWS.toLocaleString("en-US")} rows per job.`}
        actions={
          <a href={`/jobs/new/${kind}/template.csv`} download className={buttonClass("secondary")}>
            Download CSV template
          </a>
        }
      />
      <JobWizard kind={kind} choices={await choicesFor(kind)} layout={{ columns: JOB_SPECS[kind].columns, positional: JOB_SPECS[kind].positional }} />
    </>
  );
}
