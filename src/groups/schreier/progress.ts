/**
 * Progress of a long group computation, for a caller that shows it (the CLI's bar or log lines).
 * `stage` names the step in the user's words; `fraction` in [0, 1] when it can be estimated.
 */
export interface GroupProgress {
  readonly stage: string;
  readonly fraction?: number;
  readonly detail?: string;
}

/** A progress callback; calls are cheap for the caller to ignore. */
export type GroupProgressHandler = (p: GroupProgress) => void;
