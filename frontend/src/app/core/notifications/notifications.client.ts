import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { UnsubscribeCategory, NotificationPage, NotificationPreferences, SavedSearchInput, SavedSearchView } from '@eslabon/contracts';
import { Observable, map } from 'rxjs';
import { queryParams } from '../api/query-params';

const API = '/api/v1';

export interface NotificationListQuery {
  page?: number;
  pageSize?: number;
  /** Only the unread ones. */
  unread?: boolean;
}

/** The signed-in user's notifications, e-mail preferences and saved searches, and unsubscribing from an e-mail link. */
@Injectable({ providedIn: 'root' })
export class NotificationsClient {
  private readonly http = inject(HttpClient);

  list(query: NotificationListQuery): Observable<NotificationPage> {
    return this.http.get<NotificationPage>(`${API}/notifications`, { params: queryParams(query) });
  }

  unreadCount(): Observable<number> {
    return this.http.get<{ unread: number }>(`${API}/notifications/unread-count`).pipe(map((r) => r.unread));
  }

  markRead(notificationId: string): Observable<void> {
    return this.http.post<void>(`${API}/notifications/${notificationId}/read`, {});
  }

  markAllRead(): Observable<void> {
    return this.http.post<void>(`${API}/notifications/read-all`, {});
  }

  preferences(): Observable<NotificationPreferences> {
    return this.http.get<NotificationPreferences>(`${API}/notification-preferences`);
  }

  savePreferences(preferences: NotificationPreferences): Observable<NotificationPreferences> {
    return this.http.put<NotificationPreferences>(`${API}/notification-preferences`, preferences);
  }

  savedSearches(): Observable<SavedSearchView[]> {
    return this.http.get<SavedSearchView[]>(`${API}/saved-searches`);
  }

  saveSearch(search: SavedSearchInput): Observable<SavedSearchView> {
    return this.http.post<SavedSearchView>(`${API}/saved-searches`, search);
  }

  deleteSavedSearch(savedSearchId: string): Observable<void> {
    return this.http.delete<void>(`${API}/saved-searches/${savedSearchId}`);
  }

  /** From the link at the foot of an e-mail; no session needed. */
  unsubscribe(token: string): Observable<UnsubscribeCategory> {
    return this.http.post<{ category: UnsubscribeCategory }>(`${API}/public/unsubscribe`, { token }).pipe(map((r) => r.category));
  }
}
