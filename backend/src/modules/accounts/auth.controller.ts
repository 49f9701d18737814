import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SessionView, SignUpResponse } from '@eslabon/contracts';
import type { Request, Response } from 'express';
import type { Actor } from '../../core/audit/actor';
import type { AuthContext } from '../../core/auth/auth-context';
import { CurrentActor, CurrentAuth, Public, SignedIn } from '../../core/auth/auth.decorators';
import { clearSessionCookies, setSessionCookies } from '../../core/auth/cookies';
import { AcceptInvitationDto, EmailDto, LoginDto, ResetPasswordDto, SignUpDto, SwitchOrganizationDto, TokenDto } from './accounts.dto';
import { AccountsService } from './accounts.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly accounts: AccountsService) {}

  @Public()
  @Post('sign-up')
  signUp(@Body() input: SignUpDto, @CurrentActor() actor: Actor): Promise<SignUpResponse> {
    return this.accounts.signUp(input, actor);
  }

  @Public()
  @Post('verify-email')
  @HttpCode(HttpStatus.NO_CONTENT)
  verifyEmail(@Body() input: TokenDto, @CurrentActor() actor: Actor): Promise<void> {
    return this.accounts.verifyEmail(input.token, actor);
  }

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  async login(
    @Body() input: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentActor() actor: Actor,
  ): Promise<SessionView> {
    const { session, view } = await this.accounts.login(input.email, input.password, req.ip ?? 'unknown', actor);
    setSessionCookies(req, res, session);
    return view;
  }

  @SignedIn()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  async logout(@CurrentAuth() auth: AuthContext, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.accounts.logout(auth);
    clearSessionCookies(res);
  }

  /** Who is signed in; visitors get `authenticated: false` rather than an error. */
  @Public()
  @Get('session')
  session(@CurrentAuth() auth: AuthContext | undefined): SessionView {
    return this.accounts.sessionView(auth);
  }

  @SignedIn()
  @Put('session/organization')
  switchOrganization(@CurrentAuth() auth: AuthContext, @Body() input: SwitchOrganizationDto): Promise<SessionView> {
    return this.accounts.switchOrganization(auth, input.organizationId);
  }

  @Public()
  @Post('password-reset')
  @HttpCode(HttpStatus.ACCEPTED)
  requestPasswordReset(@Body() input: EmailDto, @CurrentActor() actor: Actor): Promise<void> {
    return this.accounts.requestPasswordReset(input.email, actor);
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(HttpStatus.NO_CONTENT)
  resetPassword(@Body() input: ResetPasswordDto, @CurrentActor() actor: Actor): Promise<void> {
    return this.accounts.resetPassword(input.token, input.password, actor);
  }

  @Public()
  @Post('invitations/accept')
  @HttpCode(HttpStatus.OK)
  async acceptInvitation(
    @Body() input: AcceptInvitationDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentActor() actor: Actor,
  ): Promise<SessionView> {
    const { session, view } = await this.accounts.acceptInvitation(input.token, input.password, input.name, actor);
    setSessionCookies(req, res, session);
    return view;
  }
}
