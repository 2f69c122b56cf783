import { CallCardPage, type CallCardProps } from "@/components/calls/call-card-page";

export const metadata = { title: "Outbound call" };

export default function OutboundCallPage(props: CallCardProps) {
  return <CallCardPage direction="outbound" {...props} />;
}
