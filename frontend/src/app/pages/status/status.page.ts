import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { CheckStatus, HealthResponse, HealthStatus } from '@eslabon/contracts';
import { I18n } from '../../core/i18n/i18n.service';
import { BogotaTimePipe } from '../../core/time/bogota-time';
import { HealthClient } from './health.client';

@Component({
  selector: 'esl-status-page',
  imports: [MatButtonModule, MatCardModule, MatProgressBarModule, BogotaTimePipe],
  templateUrl: './status.page.html',
  styleUrl: './status.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusPage implements OnInit {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(HealthClient);

  protected readonly health = signal<HealthResponse | null>(null);
  protected readonly loading = signal(false);
  protected readonly unreachable = signal(false);

  protected label(status: HealthStatus | CheckStatus): string {
    return this.i18n.t(`status.${status}`);
  }

  ngOnInit(): void {
    this.refresh();
  }

  protected refresh(): void {
    this.loading.set(true);
    this.client.get().subscribe({
      next: (health) => {
        this.health.set(health);
        this.unreachable.set(false);
        this.loading.set(false);
      },
      error: () => {
        this.health.set(null);
        this.unreachable.set(true);
        this.loading.set(false);
      },
    });
  }
}
