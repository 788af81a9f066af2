/** Progress of long work: `done` of `total` items of the stage named `stage` (a stage ends when done = total). */
export interface WorkProgress {
  readonly stage: string;
  readonly done: number;
  readonly total: number;
  /** What an item is, for the line: "groups", "fits" (default "steps"). */
  readonly unit?: string;
}

/** A callback that receives WorkProgress; library code reports through it and draws nothing (the CLI's workReporter draws the bar). */
export type OnWorkProgress = (p: WorkProgress) => void;
