import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export type TokenState = 'working' | 'done' | 'failed';

/**
 * What a page opened from an e-mailed link shows while it redeems the token, then its outcome: the
 * projected content once done, or why the link did not work.
 */
@Component({
  selector: 'esl-token-outcome',
  template: `
    <section class="form-page" aria-labelledby="token-title">
      <h1 id="token-title">{{ heading() }}</h1>
      <div aria-live="polite">
        @switch (state()) {
          @case ('working') {
            <p>{{ working() }}</p>
          }
          @case ('done') {
            <ng-content />
          }
          @default {
            <p class="form-error" role="alert">{{ failure() }}</p>
          }
        }
      </div>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TokenOutcome {
  readonly heading = input.required<string>();
  readonly working = input.required<string>();
  readonly state = input.required<TokenState>();
  readonly failure = input('');
}
