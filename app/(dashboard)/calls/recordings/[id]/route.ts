import { route } from "@/lib/actions/route";
import { recordAudit } from "@/lib/audit/record";
import { clientInfo } from "@/lib/auth/request-info";
import { callsReader } from "@/lib/calls/reader";
import { plainAnswer, relayRecording } from "@/lib/calls/recordings/relay";
import { parseEnv } from "@/lib/config/env";

export const dynamic = "force-dynamic";

/** A play starts at the first byte; later ranges are the player seeking or reading ahead. */
const startsAPlay = (range: string | null) => range === null || /^bytes=0-/.test(range.trim());

/**
 * One recording's audio, relayed from VICIdial's web server with Range support. `?download=1`
 * sends it as a file with its original name; `?check=1` only says whether it can be played
 * (the player asks when the audio fails, to show why). Plays and downloads are audited.
 */
export const GET = route<{ id: string }>({ access: "calls.lookup" }, async (request, { user, params }) => {
  const reader = callsReader();
  if (!reader) return plainAnswer(404, "Recordings need read access to VICIdial's database (VICIDIAL_DB_URL).");

  const { id } = params;
  const env = parseEnv();
  let recording;
  try {
    recording = await reader.recording(id);
  } catch {
    return plainAnswer(503, "VICIdial's database could not be read to find the recording. Try again in a moment.");
  }
  if (!recording) return plainAnswer(404, "VICIdial has no recording with this ID.");

  const search = new URL(request.url).searchParams;
  const check = search.get("check") === "1";
  const download = search.get("download") === "1";
  const range = check ? "bytes=0-0" : request.headers.get("range");
  const started = performance.now();
  const response = await relayRecording(recording.location, range, {
    user: env.VICIDIAL_RECORDINGS_USER,
    pass: env.VICIDIAL_RECORDINGS_PASS,
    timeoutMs: env.VICIDIAL_TIMEOUT_MS,
    download,
    signal: request.signal,
  });
  if (check) {
    await response.body?.cancel();
    return response.ok ? plainAnswer(200, "The recording can be played.") : response;
  }
  if (download || startsAPlay(range)) {
    const failed = !response.ok;
    await recordAudit({
      actor: { id: user.id, username: user.username, role: user.role },
      action: download ? "call.recording_download" : "call.recording_play",
      target: `${recording.filename || `recording ${recording.recording_id}`}`,
      params: { recordingId: recording.recording_id, vicidialId: recording.vicidial_id, leadId: recording.lead_id, agent: recording.user, startTime: recording.start_time },
      outcome: failed ? "failed" : "success",
      message: failed ? (await response.clone().text()).trim() : undefined,
      durationMs: performance.now() - started,
      ...(await clientInfo()),
    });
  }
  return response;
});
