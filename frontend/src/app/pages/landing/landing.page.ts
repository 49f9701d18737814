import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { I18n, MessageKey } from '../../core/i18n/i18n.service';

interface Block {
  title: MessageKey;
  text: MessageKey;
}

@Component({
  selector: 'esl-landing-page',
  imports: [MatCardModule, MatButtonModule, RouterLink],
  templateUrl: './landing.page.html',
  styleUrl: './landing.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LandingPage {
  protected readonly i18n = inject(I18n);

  protected readonly audiences: Block[] = [
    { title: 'landing.buyersTitle', text: 'landing.buyersText' },
    { title: 'landing.suppliersTitle', text: 'landing.suppliersText' },
    { title: 'landing.officersTitle', text: 'landing.officersText' },
  ];

  protected readonly steps: Block[] = [
    { title: 'landing.step1Title', text: 'landing.step1Text' },
    { title: 'landing.step2Title', text: 'landing.step2Text' },
    { title: 'landing.step3Title', text: 'landing.step3Text' },
    { title: 'landing.step4Title', text: 'landing.step4Text' },
  ];

  protected readonly laws: MessageKey[] = ['landing.law1', 'landing.law2', 'landing.law3', 'landing.law4'];
}
