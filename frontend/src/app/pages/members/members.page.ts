import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MembersResponse, ROLES_BY_KIND, Role } from '@eslabon/contracts';
import { AccountsClient } from '../../core/api/accounts.client';
import { FieldErrorPipe } from '../../core/forms/form-errors';
import { FormPage } from '../../core/forms/form-page';
import { Session } from '../../core/session/session.service';
import { BogotaTimePipe } from '../../core/time/bogota-time';

/** Organization admins see who belongs and invite people by e-mail. */
@Component({
  selector: 'esl-members-page',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, FieldErrorPipe, BogotaTimePipe],
  templateUrl: './members.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MembersPage extends FormPage {
  private readonly client = inject(AccountsClient);
  protected readonly session = inject(Session);
  protected readonly data = signal<MembersResponse | null>(null);
  protected readonly invited = signal('');
  protected readonly roles = computed<readonly Role[]>(() => {
    const active = this.session.activeMembership();
    return active ? ROLES_BY_KIND[active.kind] : [];
  });
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    role: ['' as Role, Validators.required],
  });

  constructor() {
    super();
    // Reload whenever the user switches organization.
    effect(() => {
      const organizationId = this.session.activeMembership()?.organizationId;
      if (organizationId) this.load(organizationId);
    });
  }

  protected roleLabel(role: Role): string {
    return this.i18n.t(`roles.${role}`);
  }

  protected invite(): void {
    const organizationId = this.session.activeMembership()?.organizationId;
    if (!organizationId) return;
    const request = this.form.getRawValue();
    this.send(
      this.form,
      () => this.client.invite(organizationId, request),
      () => {
        this.invited.set(request.email);
        this.form.reset();
        this.load(organizationId);
      },
    );
  }

  private load(organizationId: string): void {
    this.client.members(organizationId).subscribe((data) => this.data.set(data));
  }
}
