import { JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { FailedJobView } from '@eslabon/contracts';
import { problemOf } from '../../core/api/problem';
import { errorMessage } from '../../core/forms/form-errors';
import { I18n } from '../../core/i18n/i18n.service';
import { BogotaTimePipe } from '../../core/time/bogota-time';
import { FailedJobsClient } from './failed-jobs.client';

const key = (job: FailedJobView) => `${job.queue}/${job.id}`;

/** Platform admins see the background jobs that ran out of attempts and put one back in its queue. */
@Component({
  selector: 'esl-failed-jobs-page',
  imports: [JsonPipe, MatButtonModule, BogotaTimePipe],
  template: `
    <h1>{{ i18n.t('notifications.failedJobs.title') }}</h1>
    <p class="intro">{{ i18n.t('notifications.failedJobs.intro') }}</p>
    <p aria-live="polite" class="status-line">{{ message() }}</p>
    @if (failure()) {
      <p class="form-error" role="alert">{{ failure() }}</p>
    }
    @if (jobs(); as jobs) {
      @if (jobs.length) {
        <div class="scroll">
          <table data-testid="failed-jobs">
            <caption class="visually-hidden">
              {{
                i18n.t('notifications.failedJobs.caption')
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ i18n.t('notifications.failedJobs.queue') }}</th>
                <th scope="col">{{ i18n.t('notifications.failedJobs.name') }}</th>
                <th scope="col">{{ i18n.t('notifications.failedJobs.attempts') }}</th>
                <th scope="col">{{ i18n.t('notifications.failedJobs.reason') }}</th>
                <th scope="col">{{ i18n.t('notifications.failedJobs.failedAt') }}</th>
                <th scope="col">{{ i18n.t('notifications.failedJobs.action') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (job of jobs; track key(job)) {
                <tr>
                  <td>{{ job.queue }}</td>
                  <th scope="row">
                    {{ job.name }} <span class="muted">#{{ job.id }}</span>
                    <details>
                      <summary>{{ i18n.t('notifications.failedJobs.data') }}</summary>
                      <pre>{{ job.data | json }}</pre>
                    </details>
                  </th>
                  <td>{{ job.attemptsMade }}</td>
                  <td class="reason">{{ job.failedReason }}</td>
                  <td>{{ job.failedAt ? (job.failedAt | bogotaTime: i18n.locale()) : i18n.t('notifications.failedJobs.unknownTime') }}</td>
                  <td>
                    <button
                      mat-stroked-button
                      type="button"
                      [disabled]="retrying().has(key(job))"
                      [attr.aria-label]="i18n.t('notifications.failedJobs.retryLabel', { name: job.name, id: job.id })"
                      (click)="retry(job)"
                    >
                      {{ i18n.t('notifications.failedJobs.retry') }}
                    </button>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else {
        <p>{{ i18n.t('notifications.failedJobs.none') }}</p>
      }
    }
  `,
  styles: `
    .intro {
      max-width: 70ch;
    }
    .scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      padding: 8px;
      text-align: left;
      vertical-align: top;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    tbody th {
      font-weight: 400;
    }
    .reason {
      max-width: 32ch;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    pre {
      white-space: pre-wrap;
      max-width: 40ch;
      font-size: 0.75rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FailedJobsPage implements OnInit {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(FailedJobsClient);
  protected readonly jobs = signal<FailedJobView[] | null>(null);
  protected readonly retrying = signal<ReadonlySet<string>>(new Set());
  protected readonly failure = signal('');
  protected readonly message = signal('');
  protected readonly key = key;

  ngOnInit(): void {
    this.client.list().subscribe({
      next: (jobs) => this.jobs.set(jobs),
      error: (error: unknown) => this.failure.set(errorMessage(this.i18n, problemOf(error).code)),
    });
  }

  protected retry(job: FailedJobView): void {
    this.failure.set('');
    const id = key(job);
    const settle = () => this.retrying.update((ids) => new Set([...ids].filter((k) => k !== id)));
    this.retrying.update((ids) => new Set(ids).add(id));
    this.client.retry(job).subscribe({
      next: () => {
        settle();
        this.jobs.update((jobs) => jobs && jobs.filter((j) => key(j) !== id));
        this.message.set(this.i18n.t('notifications.failedJobs.retried', { name: job.name }));
      },
      error: (error: unknown) => {
        settle();
        this.failure.set(errorMessage(this.i18n, problemOf(error).code));
      },
    });
  }
}
