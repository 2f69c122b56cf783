import { Link } from "@/components/ui/link";
import { Badge, Table, Td, Th } from "@/components/ui";
import { formatAgent, formatDuration, formatPhone } from "@/lib/calls/format";
import type { CallRow } from "@/lib/calls/reader/types";
import { formatVicidialTime } from "@/lib/time/format";
import { callCardPath } from "./paths";

/** Found calls, in the order the search asked for; each opens its call card. */
export function CallResultsTable({ rows, range, caption, timeHeader }: { rows: CallRow[]; range?: { from: string; to: string }; caption: string; timeHeader: React.ReactNode }) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          {timeHeader}
          <Th>Direction</Th>
          <Th>Phone number</Th>
          <Th>Agent</Th>
          <Th>Campaign or in-group</Th>
          <Th>Status</Th>
          <Th>Length</Th>
          <Th>
            <span className="sr-only">Open</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.direction} ${row.key}`}>
            <Td className="whitespace-nowrap">
              <time dateTime={row.call_date.replace(" ", "T")}>{formatVicidialTime(row.call_date)}</time>
            </Td>
            <Td>
              <Badge tone={row.direction === "inbound" ? "blue" : "neutral"}>{row.direction === "inbound" ? "Inbound" : "Outbound"}</Badge>
            </Td>
            <Td className="whitespace-nowrap font-mono">{formatPhone(row.phone_number)}</Td>
            <Td>{row.user ? formatAgent(row.user) : "—"}</Td>
            <Td>{row.campaign_id || "—"}</Td>
            <Td className="font-mono">{row.status || "—"}</Td>
            <Td className="font-mono">{formatDuration(row.length_in_sec)}</Td>
            <Td>
              <Link href={callCardPath(row.direction, row.key, range)} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                Open<span className="sr-only"> the {row.direction} call of {formatVicidialTime(row.call_date)}</span>
              </Link>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
