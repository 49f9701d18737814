import { WorkerHeartbeats1764000000000 } from './1764000000000-worker-heartbeats';

/** Applied in this order; append new migrations at the end. */
export const MIGRATIONS = [WorkerHeartbeats1764000000000];
