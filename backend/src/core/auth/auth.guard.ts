import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../http/domain-error';
import { AuthenticatedRequest, PUBLIC_ROUTE, ROUTE_POLICY, SIGNED_IN } from './auth.decorators';
import { CSRF_HEADER, SESSION_COOKIE } from './cookies';
import { OwnershipRegistry } from './ownership';
import { Policy, decide } from './policy';
import { SessionStore } from './session-store';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Browsers say where a request comes from; a page of another origin may not change anything here. */
function isCrossSite(req: AuthenticatedRequest): boolean {
  if (req.header('sec-fetch-site') === 'cross-site') return true;
  const origin = req.header('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.header('host');
  } catch {
    return true;
  }
}

/**
 * Authorization in one place, for every route: who is calling (session cookie), whether a
 * state-changing request carries the session's CSRF token, and whether the route's policy allows
 * the caller — including that a targeted resource belongs to the caller's organization. A resource
 * of another organization answers 404, exactly like one that does not exist.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionStore,
    private readonly ownership: OwnershipRegistry,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false;
    const policy = this.reflector.getAllAndOverride<Policy | typeof SIGNED_IN>(ROUTE_POLICY, targets);

    const token: unknown = req.cookies?.[SESSION_COOKIE];
    const auth = typeof token === 'string' && token ? await this.sessions.find(token) : null;
    req.auth = auth ?? undefined;
    if (!SAFE_METHODS.has(req.method) && isCrossSite(req)) {
      // Covers requests without a session too (sign-in, sign-up), where no CSRF token exists yet.
      throw new DomainError('forbidden', 'cross_site_request', 'Requests from other sites are not accepted.');
    }
    if (auth && !SAFE_METHODS.has(req.method) && req.header(CSRF_HEADER) !== auth.session.csrfToken) {
      throw new DomainError('forbidden', 'csrf_token_invalid', 'The request lacks the CSRF token of this session (X-XSRF-TOKEN header).');
    }
    if (isPublic) return true;
    if (!policy) throw new DomainError('forbidden', 'no_policy', 'This route declares no access policy.');
    if (!auth) throw new DomainError('unauthenticated', 'not_signed_in', 'Sign in to continue.');
    if (policy === SIGNED_IN) return true;

    const owner = policy.resource
      ? await this.ownership.ownerOf(policy.resource.type, String(req.params[policy.resource.param]))
      : undefined;
    if (decide(policy, auth, owner) === 'allow') {
      // Acting for the owner: a member of it, or an officer/admin acting across organizations.
      if (owner && auth.memberships.some((m) => m.organizationId === owner)) req.actingOrganizationId = owner;
      return true;
    }
    throw policy.resource
      ? new DomainError('not_found', 'not_found', 'Not found.')
      : new DomainError('forbidden', 'forbidden', 'Your roles do not allow this.');
  }
}
