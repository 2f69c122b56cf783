import { requirePage } from "@/lib/auth/guard";
import { CallCardPage, type CallCardProps } from "@/components/calls/call-card-page";

export const metadata = { title: "Inbound call" };

export default async function InboundCallPage(props: CallCardProps) {
  const user = await requirePage("/calls/inbound/[key]");
  return <CallCardPage direction="inbound" user={user} {...props} />;
}
