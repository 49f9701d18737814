import { WorkerHeartbeat } from '../../modules/heartbeat/worker-heartbeat.entity';

/** Every TypeORM entity; the migrations test fails when these and the migrations disagree. */
export const ENTITIES = [WorkerHeartbeat];
