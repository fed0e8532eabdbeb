// The thread lifecycle as a pure transition table: which event moves a thread from which state to which.
// Kept apart from storage so every transition is tested as data and the store just records what this decides.

export const THREAD_STATES = [
  "new",
  "answered-by-orca",
  "waiting-for-asker",
  "needs-human",
  "resolved",
  "stale",
] as const;
export type ThreadState = (typeof THREAD_STATES)[number];

export type LifecycleEvent =
  /** Orca posted an answer in the thread. */
  | "orca-answered"
  /** Orca chose not to answer (suggest or silent channel, low confidence, engine failure). */
  | "orca-declined"
  /** Someone other than the asker and Orca replied. */
  | "human-replied"
  /** The asker wrote again without saying whether it worked. */
  | "asker-replied"
  /** The asker said it worked, or reacted ✅. */
  | "asker-confirmed"
  /** The asker said it still fails. */
  | "asker-rejected"
  | "feedback-up"
  | "feedback-down"
  /** The "Need a human" button. */
  | "human-requested"
  /** A maintainer resolved it from the App Home. */
  | "resolved-by-maintainer"
  /** No activity for the stale period. */
  | "went-stale"
  /** Activity in a stale thread. */
  | "reopened";

type Table = Partial<Record<LifecycleEvent, Partial<Record<ThreadState, ThreadState>>>>;

const OPEN: ThreadState[] = ["new", "answered-by-orca", "waiting-for-asker", "needs-human"];
const fromOpen = (to: ThreadState) =>
  Object.fromEntries(OPEN.map((s) => [s, to])) as Partial<Record<ThreadState, ThreadState>>;

const TRANSITIONS: Table = {
  "orca-answered": { new: "answered-by-orca" },
  "orca-declined": { new: "needs-human" },
  "human-replied": {
    new: "waiting-for-asker",
    "needs-human": "waiting-for-asker",
    "answered-by-orca": "waiting-for-asker",
  },
  "asker-replied": { "waiting-for-asker": "needs-human" },
  "asker-confirmed": fromOpen("resolved"),
  "asker-rejected": { "answered-by-orca": "needs-human", "waiting-for-asker": "needs-human", new: "needs-human" },
  "feedback-up": { "answered-by-orca": "resolved", "waiting-for-asker": "resolved" },
  "feedback-down": { "answered-by-orca": "needs-human", "waiting-for-asker": "needs-human" },
  "human-requested": { new: "needs-human", "answered-by-orca": "needs-human", "waiting-for-asker": "needs-human" },
  "resolved-by-maintainer": { ...fromOpen("resolved"), stale: "resolved" },
  "went-stale": { "answered-by-orca": "stale", "waiting-for-asker": "stale" },
  reopened: { stale: "needs-human", resolved: "needs-human" },
};

/** The state after `event`, or the same state when the event does not move a thread in that state. */
export function nextState(current: ThreadState, event: LifecycleEvent): ThreadState {
  return TRANSITIONS[event]?.[current] ?? current;
}

export function isOpen(state: ThreadState): boolean {
  return OPEN.includes(state);
}
