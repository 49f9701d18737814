export type CheckStatus = 'up' | 'down';

export interface DependencyCheck {
  status: CheckStatus;
  latencyMs: number;
  error?: string;
}

export interface WorkerCheck {
  status: CheckStatus;
  /** ISO-8601 UTC time of the newest heartbeat processed by any worker; null if none yet. */
  lastHeartbeatAt: string | null;
  /** Workers that beat within the freshness window. */
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
