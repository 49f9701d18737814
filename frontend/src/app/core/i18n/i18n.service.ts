import { DOCUMENT } from '@angular/common';
import { Injectable, effect, inject, signal } from '@angular/core';
import { DEFAULT_LOCALE, LOCALES, Locale } from '@eslabon/contracts';
import { en } from './messages.en';
import { Messages, esCO } from './messages.es-CO';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A dotted path to one message, e.g. 'landing.title'; checked at compile time. */
export type MessageKey = Leaves<Messages>;

const CATALOGS: Record<Locale, Messages> = { 'es-CO': esCO, en };
const STORAGE_KEY = 'eslabon.locale';

function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/**
 * Runtime language switch (es-CO first, English available). Templates call `t()`,
 * which reads the locale signal, so views re-render when the language changes.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly storage = this.document.defaultView?.localStorage;
  readonly locale = signal<Locale>(this.savedLocale());

  constructor() {
    effect(() => {
      const locale = this.locale();
      this.document.documentElement.lang = locale;
      this.storage?.setItem(STORAGE_KEY, locale);
    });
  }

  use(locale: Locale): void {
    this.locale.set(locale);
  }

  t(key: MessageKey, params: Record<string, string | number> = {}): string {
    const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], CATALOGS[this.locale()]);
    return String(text).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  }

  /** Whether a message exists, e.g. for an error code sent by the server. */
  has(key: string): key is MessageKey {
    const text = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], CATALOGS[this.locale()]);
    return typeof text === 'string';
  }

  private savedLocale(): Locale {
    const saved = this.storage?.getItem(STORAGE_KEY);
    return isLocale(saved) ? saved : DEFAULT_LOCALE;
  }
}
