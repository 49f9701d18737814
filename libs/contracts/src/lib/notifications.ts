/**
 * Matching and notifications (issue 6): why a supplier was told about a tender, the bell, e-mail
 * preferences and saved searches.
 */
import type { MatchReason } from '@eslabon/domain';
import type { TenderSearchQuery } from './search';

export type { MatchReason };

/** Matches and saved searches are subscriptions; the report and the decision reach every bidder of the process. */
export const NOTIFICATION_KINDS = ['tender_match', 'saved_search', 'evaluation_report', 'tender_decided'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  tenderId: string;
  tenderReference: string;
  tenderTitle: string;
  /** The version of the terms the notice is about. */
  version: number;
  /** For a match: the reasons, strongest first. */
  reasons: MatchReason[];
  /** 0–100: strong class matches score higher than family ones. */
  score: number | null;
  /** For a saved search: its name. */
  savedSearchName: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationView[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

/** How often a user hears by e-mail; in-app notices are always kept. */
export const NOTIFICATION_FREQUENCIES = ['instant', 'daily', 'off'] as const;
export type NotificationFrequency = (typeof NOTIFICATION_FREQUENCIES)[number];

export interface NotificationPreferences {
  /** Tenders matching the organization's capabilities. */
  tenderMatches: NotificationFrequency;
  /** Tenders found by the user's saved searches. */
  savedSearches: NotificationFrequency;
}

export const NOTIFICATION_CATEGORIES = ['tenderMatches', 'savedSearches'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];
/** What an unsubscribe link turns off: one category, or both (the daily digest mixes them). */
export type UnsubscribeCategory = NotificationCategory | 'all';

export interface SavedSearchInput {
  name: string;
  query: TenderSearchQuery;
}

export interface SavedSearchView extends SavedSearchInput {
  id: string;
  createdAt: string;
}

/** A queue job that ran out of attempts, for the admins' dead-letter view. */
export interface FailedJobView {
  queue: string;
  id: string;
  name: string;
  attemptsMade: number;
  failedReason: string;
  failedAt: string | null;
  data: unknown;
}
