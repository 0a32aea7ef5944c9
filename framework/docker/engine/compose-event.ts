/** A progress event of a compose operation, in docker-compose's vocabulary. */
export interface ComposeEvent {
  /** `Container p_web_1`, `Network p_default`, `Volume p_data`, `Image busybox:latest`. */
  readonly resource: string;
  /** `Creating`, `Created`, `Recreate`, `Recreated`, `Starting`, `Started`, `Running`, `Waiting`, `Healthy`,
   * `Stopping`, `Stopped`, `Removing`, `Removed`, `Killing`, `Killed`, `Pulling`, `Pulled`, ... */
  readonly status: string;
  readonly cause?: string;
}

export type ComposeEventListener = (event: ComposeEvent) => void;
