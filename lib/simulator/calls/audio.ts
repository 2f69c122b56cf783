// Recordings the simulator serves as VICIdial's web server would (its /RECORDINGS/ directory):
// a few seconds of generated audio per file, made by code at start, served with Range support.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimulatorState } from "../state";

export const RECORDINGS_PATH = "/RECORDINGS/";

const SAMPLE_RATE = 8000;

/** 16-bit mono PCM WAV of `seconds` of tones: distinct per `voice`, so two recordings sound different. */
export function generateWav(seconds: number, voice: number): Buffer {
  const samples = Math.round(seconds * SAMPLE_RATE);
  const data = Buffer.alloc(samples * 2);
  const base = 330 + voice * 55;
  for (let i = 0; i < samples; i++) {
    const t = i / SAMPLE_RATE;
    // Half-second syllables with a short pause between them, alternating between two pitches.
    const syllable = Math.floor(t * 2);
    const within = t * 2 - syllable;
    const envelope = within < 0.8 ? Math.sin((Math.PI * within) / 0.8) : 0;
    const frequency = syllable % 2 === 0 ? base : base * 1.25;
    data.writeInt16LE(Math.round(envelope * 0.4 * 32767 * Math.sin(2 * Math.PI * frequency * t)), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8);
  header.write("fmt ", 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** The generated files, made once per process: a handful of voices of 4 to 7 seconds. */
let voices: Buffer[] | undefined;
function voiceFor(path: string): Buffer {
  voices ??= [4, 5, 6, 7].map((seconds, voice) => generateWav(seconds, voice));
  let hash = 0;
  for (const character of path) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  return voices[hash % voices.length]!;
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` of a file of `size` bytes; null when unsatisfiable. */
function byteRange(header: string, size: number): { start: number; end: number } | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return null;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    return suffix > 0 ? { start: Math.max(0, size - suffix), end: size - 1 } : null;
  }
  const start = Number(match[1]);
  const end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start < size && start <= end ? { start, end } : null;
}

/**
 * Answers GET/HEAD under /RECORDINGS/ for files a recording_log row names (its location ends with
 * the path); anything else is Apache's 404.
 */
export function serveRecording(state: SimulatorState, req: IncomingMessage, res: ServerResponse, path: string): void {
  const known = [...(state.calls.recordings ?? []), ...(state.calls.recordingsArchive ?? [])].some((row) => row.location !== "" && row.location.endsWith(path));
  if (!known) {
    res.writeHead(404, { "Content-Type": "text/html; charset=iso-8859-1" });
    res.end("<html><body><h1>Not Found</h1></body></html>\n");
    return;
  }
  const file = voiceFor(path);
  const headers: Record<string, string> = { "Content-Type": "audio/wav", "Accept-Ranges": "bytes" };
  const range = req.headers.range;
  if (range) {
    const wanted = byteRange(range, file.length);
    if (!wanted) {
      res.writeHead(416, { ...headers, "Content-Range": `bytes */${file.length}` });
      res.end();
      return;
    }
    res.writeHead(206, { ...headers, "Content-Range": `bytes ${wanted.start}-${wanted.end}/${file.length}`, "Content-Length": String(wanted.end - wanted.start + 1) });
    res.end(req.method === "HEAD" ? undefined : file.subarray(wanted.start, wanted.end + 1));
    return;
  }
  res.writeHead(200, { ...headers, "Content-Length": String(file.length) });
  res.end(req.method === "HEAD" ? undefined : file);
}
