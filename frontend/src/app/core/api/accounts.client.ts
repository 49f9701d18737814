import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AcceptInvitationRequest,
  InvitationRequest,
  LoginRequest,
  MembersResponse,
  OrganizationView,
  SessionView,
  SignUpRequest,
  SignUpResponse,
} from '@eslabon/contracts';
import { Observable } from 'rxjs';

const AUTH = '/api/v1/auth';

/** Calls of the accounts API; CSRF headers are added by Angular's XSRF support. */
@Injectable({ providedIn: 'root' })
export class AccountsClient {
  private readonly http = inject(HttpClient);

  session(): Observable<SessionView> {
    return this.http.get<SessionView>(`${AUTH}/session`);
  }

  signUp(request: SignUpRequest): Observable<SignUpResponse> {
    return this.http.post<SignUpResponse>(`${AUTH}/sign-up`, request);
  }

  verifyEmail(token: string): Observable<void> {
    return this.http.post<void>(`${AUTH}/verify-email`, { token });
  }

  login(request: LoginRequest): Observable<SessionView> {
    return this.http.post<SessionView>(`${AUTH}/login`, request);
  }

  logout(): Observable<void> {
    return this.http.post<void>(`${AUTH}/logout`, {});
  }

  switchOrganization(organizationId: string): Observable<SessionView> {
    return this.http.put<SessionView>(`${AUTH}/session/organization`, { organizationId });
  }

  requestPasswordReset(email: string): Observable<void> {
    return this.http.post<void>(`${AUTH}/password-reset`, { email });
  }

  resetPassword(token: string, password: string): Observable<void> {
    return this.http.post<void>(`${AUTH}/password-reset/confirm`, { token, password });
  }

  acceptInvitation(request: AcceptInvitationRequest): Observable<SessionView> {
    return this.http.post<SessionView>(`${AUTH}/invitations/accept`, request);
  }

  members(organizationId: string): Observable<MembersResponse> {
    return this.http.get<MembersResponse>(`/api/v1/organizations/${organizationId}/members`);
  }

  invite(organizationId: string, request: InvitationRequest): Observable<{ invitationId: string }> {
    return this.http.post<{ invitationId: string }>(`/api/v1/organizations/${organizationId}/invitations`, request);
  }

  pendingOrganizations(): Observable<OrganizationView[]> {
    return this.http.get<OrganizationView[]>('/api/v1/admin/organizations');
  }

  decide(organizationId: string, decision: 'approve' | 'reject'): Observable<OrganizationView> {
    return this.http.post<OrganizationView>(`/api/v1/admin/organizations/${organizationId}/${decision}`, {});
  }
}
