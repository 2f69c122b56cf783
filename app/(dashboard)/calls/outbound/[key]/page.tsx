import { requirePage } from "@/lib/auth/guard";
import { CallCardPage, type CallCardProps } from "@/components/calls/call-card-page";

export const metadata = { title: "Outbound call" };

export default async function OutboundCallPage(props: CallCardProps) {
  const user = await requirePage("/calls/outbound/[key]");
  return <CallCardPage direction="outbound" user={user} {...props} />;
}
