export type CheckStatus = 'up' | 'down';

export interface DependencyCheck {
  status: CheckStatus;
  latencyMs: number;
  /** Why it is down, without internals (those go to the server log). */
  error?: 'timeout' | 'unavailable';
}

export interface WorkerCheck {
  status: CheckStatus;
  /** ISO-8601 UTC time of the newest heartbeat processed by any worker; null if none yet. */
  lastHeartbeatAt: string | null;
  /** Worker processes connected to the queues right now. */
  activeWorkers: number;
}

/**
 * `ok`: everything up. `degraded`: the API serves but no worker processed a heartbeat lately.
 * `error`: the database or Redis is down (HTTP 503).
 */
export type HealthStatus = 'ok' | 'degraded' | 'error';

export interface HealthResponse {
  status: HealthStatus;
  checkedAt: string;
  checks: {
    database: DependencyCheck;
    redis: DependencyCheck;
    worker: WorkerCheck;
  };
}
