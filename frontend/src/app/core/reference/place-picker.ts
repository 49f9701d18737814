import { Directive, OnInit, inject, signal } from '@angular/core';
import type { Observable } from 'rxjs';
import { I18n } from '../i18n/i18n.service';
import { PickerControl } from './picker-control';
import { Department, Municipality, ReferenceClient } from './reference.client';

/**
 * What the DIVIPOLA pickers share: the departments, the municipalities of one listed department, and
 * the names of every place loaded so far (to label codes chosen in another department).
 */
@Directive()
export abstract class PlacePicker<T> extends PickerControl<T> implements OnInit {
  protected readonly i18n = inject(I18n);
  private readonly reference = inject(ReferenceClient);
  protected readonly departments = signal<Department[]>([]);
  /** The department whose municipalities are listed. */
  protected readonly department = signal('');
  protected readonly municipalities = signal<Municipality[]>([]);
  protected readonly names = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly listFailed = signal(false);

  ngOnInit(): void {
    this.load(this.reference.departments(), (list) => this.departments.set(list));
  }

  protected listDepartment(code: string): void {
    this.department.set(code);
    this.municipalities.set([]);
    // A slow answer for a department the user has already left is only kept for its names.
    this.load(this.reference.municipalities(code), (list) => {
      if (this.department() === code) this.municipalities.set(list);
    });
  }

  /** Loads the municipalities of departments other than the listed one, only for their names. */
  protected learnNames(municipalityCodes: readonly string[]): void {
    for (const department of new Set(municipalityCodes.map((code) => code.slice(0, 2)))) {
      this.load(this.reference.municipalities(department), () => undefined);
    }
  }

  protected nameOf(code: string): string {
    return this.names().get(code) ?? code;
  }

  private load<P extends { code: string; name: string }>(list: Observable<P[]>, use: (list: P[]) => void): void {
    list.subscribe({
      next: (places) => {
        this.names.update((names) => new Map([...names, ...places.map((p): [string, string] => [p.code, p.name])]));
        use(places);
      },
      error: () => this.listFailed.set(true),
    });
  }
}
