import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import { RouterLink } from '@angular/router';
import type { OpenAward, OpenAwardPage, OpenDataIndex } from '@eslabon/contracts';
import { forkJoin } from 'rxjs';
import { AmountPipe } from '../../core/i18n/format';
import { I18n } from '../../core/i18n/i18n.service';
import { BogotaTimePipe } from '../../core/time/bogota-time';

/** The public entry to Eslabón's open data: the OCDS endpoints, the read API, its terms, the latest decisions. */
@Component({
  selector: 'esl-open-data-page',
  imports: [RouterLink, AmountPipe, BogotaTimePipe],
  templateUrl: './open-data.page.html',
  styleUrl: './open-data.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OpenDataPage implements OnInit {
  protected readonly i18n = inject(I18n);
  private readonly http = inject(HttpClient);

  protected readonly index = signal<OpenDataIndex | null>(null);
  protected readonly latest = signal<OpenAward[]>([]);
  protected readonly failed = signal(false);

  ngOnInit(): void {
    forkJoin({
      index: this.http.get<OpenDataIndex>('/api/v1/open-data'),
      awards: this.http.get<OpenAwardPage>('/api/v1/open-data/awards', { params: { pageSize: 10 } }),
    }).subscribe({
      next: ({ index, awards }) => {
        this.index.set(index);
        this.latest.set(awards.items);
      },
      error: () => this.failed.set(true),
    });
  }
}
