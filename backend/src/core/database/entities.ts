import { AuditEntry } from '../audit/audit-entry.entity';
import { OutboxEvent } from '../outbox/outbox-event.entity';
import { ProcessedEvent } from '../outbox/processed-event.entity';
import { WorkerHeartbeat } from '../../modules/heartbeat/worker-heartbeat.entity';
import { DivipolaMunicipality, ReferenceDataset, UnspscCode, UnspscSynonym } from '../../modules/reference-data/reference-data.entities';
import { Invitation } from '../../modules/accounts/entities/invitation.entity';
import { LoginAttempt } from '../../modules/accounts/entities/login-attempt.entity';
import { Membership } from '../../modules/accounts/entities/membership.entity';
import { OneTimeToken } from '../../modules/accounts/entities/one-time-token.entity';
import { Organization } from '../../modules/accounts/entities/organization.entity';
import { Session } from '../../modules/accounts/entities/session.entity';
import { User } from '../../modules/accounts/entities/user.entity';
import { BuyerProfile } from '../../modules/buyers/buyer-profile.entity';
import { RuleParameterVersion } from '../../modules/rule-parameters/rule-parameter-version.entity';
import {
  SupplierDocument,
  SupplierNationalProduct,
  SupplierProfile,
  SupplierSizeClassification,
  SupplierUnspscClass,
} from '../../modules/suppliers/supplier.entities';
import {
  Tender,
  TenderDocument,
  TenderFollower,
  TenderLot,
  TenderMipymeRequest,
  TenderQuestion,
  TenderVersion,
} from '../../modules/tenders/tender.entities';
import { PlanLine, PlanLineInterest } from '../../modules/procurement-plans/plan-line.entities';
import { Bid, BidDocument, TenderBidKey } from '../../modules/bids/bid.entities';
import {
  BidReview,
  EvaluationObservation,
  EvaluationReportRecord,
  TenderCommitteeMember,
} from '../../modules/evaluation/evaluation.entities';
import { Award, Contract } from '../../modules/awards/award.entities';
import { TenderMatch } from '../../modules/matching/tender-match.entity';
import { Notification, NotificationPreference, SavedSearch } from '../../modules/notifications/notification.entities';
import { OcdsRelease } from '../../modules/ocds/ocds-release.entity';
import { ReportLotFact, ReportRollup, ReportSupplierYear } from '../../modules/reports/report.entities';

/** Every TypeORM entity; the migrations test fails when these and the migrations disagree. */
export const ENTITIES = [
  WorkerHeartbeat,
  AuditEntry,
  OutboxEvent,
  ProcessedEvent,
  Organization,
  User,
  Membership,
  Session,
  OneTimeToken,
  Invitation,
  LoginAttempt,
  ReferenceDataset,
  UnspscCode,
  DivipolaMunicipality,
  UnspscSynonym,
  RuleParameterVersion,
  SupplierProfile,
  SupplierSizeClassification,
  SupplierUnspscClass,
  SupplierNationalProduct,
  SupplierDocument,
  BuyerProfile,
  Tender,
  TenderLot,
  TenderVersion,
  TenderDocument,
  TenderQuestion,
  TenderMipymeRequest,
  TenderFollower,
  PlanLine,
  PlanLineInterest,
  TenderBidKey,
  Bid,
  BidDocument,
  TenderCommitteeMember,
  BidReview,
  EvaluationReportRecord,
  EvaluationObservation,
  Award,
  Contract,
  TenderMatch,
  Notification,
  NotificationPreference,
  SavedSearch,
  ReportLotFact,
  ReportRollup,
  ReportSupplierYear,
  OcdsRelease,
];
