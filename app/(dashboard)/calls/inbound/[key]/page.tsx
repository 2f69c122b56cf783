import { CallCardPage, type CallCardProps } from "@/components/calls/call-card-page";

export const metadata = { title: "Inbound call" };

export default function InboundCallPage(props: CallCardProps) {
  return <CallCardPage direction="inbound" {...props} />;
}
