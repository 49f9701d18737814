import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { OwnershipRegistry } from './ownership';
import { SessionStore } from './session-store';

/** Installs the guard on every API route. */
@Global()
@Module({
  providers: [SessionStore, OwnershipRegistry, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SessionStore, OwnershipRegistry],
})
export class AuthModule {}
