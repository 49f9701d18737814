import type { Request, Response } from 'express';
import type { NewSession } from './session-store';

export const SESSION_COOKIE = 'eslabon_session';
/** Readable by the page's own script, which echoes it in the X-XSRF-TOKEN header (Angular does so by default). */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';

export function setSessionCookies(req: Request, res: Response, { token, csrfToken, expiresAt: expires }: NewSession): void {
  // Secure whenever the request came over HTTPS (behind a proxy: with TRUST_PROXY=true).
  const base = { sameSite: 'lax' as const, secure: req.secure, path: '/', expires };
  res.cookie(SESSION_COOKIE, token, { ...base, httpOnly: true });
  res.cookie(CSRF_COOKIE, csrfToken, { ...base, httpOnly: false });
}

export function clearSessionCookies(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
  res.clearCookie(CSRF_COOKIE, { path: '/' });
}
