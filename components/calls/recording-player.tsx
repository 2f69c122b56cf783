"use client";

import { useId, useRef, useState } from "react";
import { buttonClass } from "@/components/ui";
import { routeErrorOf } from "@/lib/actions/route-error";
import { recordingPath } from "./paths";

const SPEEDS = [0.75, 1, 1.25, 1.5, 2];

/** The relay says why in plain text; a refusal (signed out, role) comes as route()'s JSON error. */
async function problemOf(response: Response): Promise<string> {
  const text = (await response.text()).trim();
  if (!response.headers.get("content-type")?.includes("json")) return text;
  try {
    return routeErrorOf(response.status, JSON.parse(text)).message;
  } catch {
    return text;
  }
}

/**
 * One recording, played in the page through the dashboard's relay: the browser's own player
 * (play, pause, seek), a speed choice and a download under the original file name. When the
 * audio fails, the relay is asked why and the answer is shown in words, never a spinner.
 */
export function RecordingPlayer({ recordingId, label }: { recordingId: string; label: string }) {
  const audio = useRef<HTMLAudioElement>(null);
  const speedId = useId();
  const [problem, setProblem] = useState<string | null>(null);

  async function explain() {
    try {
      const response = await fetch(`${recordingPath(recordingId)}?check=1`, { cache: "no-store" });
      setProblem(response.ok ? "The recording could not be played in this browser. Download it and play it with another program." : await problemOf(response));
    } catch {
      setProblem("The dashboard could not be reached to play the recording.");
    }
  }

  return (
    <div className="space-y-2">
      <audio ref={audio} controls preload="none" src={recordingPath(recordingId)} aria-label={label} onError={() => void explain()} className="w-full" />
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label htmlFor={speedId} className="font-medium">
          Speed
        </label>
        <select
          id={speedId}
          defaultValue="1"
          onChange={(event) => {
            if (audio.current) audio.current.playbackRate = Number(event.target.value);
          }}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
        >
          {SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              {speed}×
            </option>
          ))}
        </select>
        <a href={recordingPath(recordingId, true)} className={buttonClass("secondary", "sm")} download>
          Download
        </a>
      </div>
      {problem && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          {problem}
        </p>
      )}
    </div>
  );
}
