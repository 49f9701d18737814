import type { MatchReason, NotificationView } from '@eslabon/contracts';
import type { I18n } from '../i18n/i18n.service';

/** One reason a supplier was told about a tender, in words: "Clase 432115 coincide (lote 1)". */
export function reasonText(i18n: I18n, reason: MatchReason, departmentName: (code: string) => string): string {
  switch (reason.code) {
    case 'class_match':
    case 'family_match':
      return i18n.t(`notifications.reasons.${reason.code}`, { unspsc: reason.unspsc, lot: reason.lot });
    case 'operates_in':
      return i18n.t('notifications.reasons.operates_in', { department: departmentName(reason.department) });
    case 'national_coverage':
      return i18n.t('notifications.reasons.national_coverage');
    case 'reserved_mipymes':
    case 'reserved_economia_popular':
      return i18n.t(`notifications.reasons.${reason.code}`, { lot: reason.lot });
    default:
      // A reason this version of the UI does not know yet.
      return '';
  }
}

/** Why the notice came: the match's reasons, strongest first, the saved search that found the tender, or the step of a process bid on. */
export function whyText(i18n: I18n, notification: NotificationView, departmentName: (code: string) => string): string {
  if (notification.kind === 'saved_search') return i18n.t('notifications.savedSearch', { name: notification.savedSearchName ?? '' });
  if (notification.kind === 'evaluation_report') return i18n.t('notifications.evaluationReport');
  if (notification.kind === 'tender_decided') return i18n.t('notifications.tenderDecided');
  return notification.reasons
    .map((reason) => reasonText(i18n, reason, departmentName))
    .filter(Boolean)
    .join(' · ');
}
