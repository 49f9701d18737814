import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { CheckStatus, DependencyCheck, HealthResponse, HealthStatus } from '@eslabon/contracts';
import { I18n, MessageKey } from '../../core/i18n/i18n.service';
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
  protected readonly dependencies = computed<{ id: string; label: MessageKey; result: DependencyCheck }[]>(() => {
    const checks = this.health()?.checks;
    return checks
      ? [
          { id: 'database', label: 'status.database', result: checks.database },
          { id: 'redis', label: 'status.redis', result: checks.redis },
        ]
      : [];
  });

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
