import { ChangeDetectionStrategy, Component, ElementRef, inject, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { API_ROUTES, LOCALES, Locale } from '@eslabon/contracts';
import { I18n, MessageKey } from './core/i18n/i18n.service';
import { NotificationBell } from './core/notifications/notification-bell';
import { Session } from './core/session/session.service';

@Component({
  selector: 'esl-root',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatButtonToggleModule,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    NotificationBell,
  ],
  templateUrl: './app.html',
  styleUrl: './app.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly i18n = inject(I18n);
  protected readonly session = inject(Session);
  protected readonly locales = LOCALES;
  protected readonly apiDocs = API_ROUTES.docs;
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected navLabel(id: string): string {
    return this.i18n.t(`nav.${id}` as MessageKey);
  }

  /** With <base href="/">, a bare "#main" link would navigate to the home page; move focus instead. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  private readonly router = inject(Router);

  protected switchTo(organizationId: string): void {
    this.session.switchTo(organizationId).subscribe();
  }

  protected logout(): void {
    this.session.logout().subscribe(() => void this.router.navigateByUrl('/'));
  }

  protected setLocale(locale: Locale): void {
    this.i18n.use(locale);
  }
}
