import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Session } from './session.service';

/** Pages for signed-in users: visitors are sent to sign in and brought back afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const session = inject(Session);
  return session.user() ? true : inject(Router).createUrlTree(['/ingresar'], { queryParams: { volver: state.url } });
};
