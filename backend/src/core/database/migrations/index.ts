import { WorkerHeartbeats1764000000000 } from './1764000000000-worker-heartbeats';
import { AccountsAuditOutbox1764100000000 } from './1764100000000-accounts-audit-outbox';
import { ReferenceData1764200000000 } from './1764200000000-reference-data';
import { UnspscSynonyms1764300000000 } from './1764300000000-unspsc-synonyms';
import { SupplierRegistry1764400000000 } from './1764400000000-supplier-registry';
import { DirectoryIndexes1764500000000 } from './1764500000000-directory-indexes';
import { ScheduleDefaults1764600000000 } from './1764600000000-schedule-defaults';
import { Tenders1764700000000 } from './1764700000000-tenders';
import { SealedBids1764800000000 } from './1764800000000-sealed-bids';
import { SearchMatchingNotifications1764900000000 } from './1764900000000-search-matching-notifications';
import { EvaluationAward1765000000000 } from './1765000000000-evaluation-award';
import { ReportsOcds1765100000000 } from './1765100000000-reports-ocds';

/** Applied in this order; append new migrations at the end. */
export const MIGRATIONS = [
  WorkerHeartbeats1764000000000,
  AccountsAuditOutbox1764100000000,
  ReferenceData1764200000000,
  UnspscSynonyms1764300000000,
  SupplierRegistry1764400000000,
  DirectoryIndexes1764500000000,
  ScheduleDefaults1764600000000,
  Tenders1764700000000,
  SealedBids1764800000000,
  SearchMatchingNotifications1764900000000,
  EvaluationAward1765000000000,
  ReportsOcds1765100000000,
];
