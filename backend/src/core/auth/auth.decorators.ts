import { ExecutionContext, SetMetadata, applyDecorators, createParamDecorator } from '@nestjs/common';
import { ApiCookieAuth } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '../audit/actor';
import type { AuthContext } from './auth-context';
import type { Policy } from './policy';

export const PUBLIC_ROUTE = 'eslabon:public';
export const ROUTE_POLICY = 'eslabon:policy';
/** Any signed-in user, whatever their roles (sign out, switch organization). */
export const SIGNED_IN = 'signed_in';

export type AuthenticatedRequest = Request & {
  auth?: AuthContext;
  id?: string;
  /** The organization owning the resource a route acts on, once the guard has resolved it. */
  actingOrganizationId?: string;
};

/** Open to anyone; every other route must say who may call it. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The one way to protect a route: see Policy. */
export const Authorize = (policy: Policy): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROUTE_POLICY, policy), ApiCookieAuth('eslabon_session'));

export const SignedIn = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROUTE_POLICY, SIGNED_IN), ApiCookieAuth('eslabon_session'));

export const CurrentAuth = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext | undefined => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().auth;
});

/** The caller as recorded in the audit log: user, active organization and request id. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  return {
    userId: req.auth?.user.id ?? null,
    organizationId: req.actingOrganizationId ?? req.auth?.session.activeOrganizationId ?? null,
    requestId: req.id ? String(req.id) : null,
  };
});
