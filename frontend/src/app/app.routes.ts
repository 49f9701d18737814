import { Route } from '@angular/router';
import { signedInGuard } from './core/session/auth.guard';

export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', loadComponent: () => import('./pages/landing/landing.page').then((m) => m.LandingPage) },
  { path: 'estado', loadComponent: () => import('./pages/status/status.page').then((m) => m.StatusPage) },
  { path: 'datos-abiertos', loadComponent: () => import('./pages/open-data/open-data.page').then((m) => m.OpenDataPage) },
  { path: 'registro', loadComponent: () => import('./pages/auth/sign-up.page').then((m) => m.SignUpPage) },
  { path: 'ingresar', loadComponent: () => import('./pages/auth/login.page').then((m) => m.LoginPage) },
  // The paths below are the links sent by e-mail (backend/src/modules/accounts/account-mail.consumer.ts).
  { path: 'verificar-correo', loadComponent: () => import('./pages/auth/verify-email.page').then((m) => m.VerifyEmailPage) },
  { path: 'recuperar-clave', loadComponent: () => import('./pages/auth/forgot-password.page').then((m) => m.ForgotPasswordPage) },
  { path: 'restablecer-clave', loadComponent: () => import('./pages/auth/reset-password.page').then((m) => m.ResetPasswordPage) },
  { path: 'invitacion', loadComponent: () => import('./pages/auth/accept-invitation.page').then((m) => m.AcceptInvitationPage) },
  // The foot of every notification e-mail (the backend's notification mails link here).
  { path: 'baja', loadComponent: () => import('./pages/unsubscribe/unsubscribe.page').then((m) => m.UnsubscribePage) },
  {
    path: 'notificaciones',
    canActivate: [signedInGuard],
    loadComponent: () => import('./pages/notifications/notifications.page').then((m) => m.NotificationsPage),
  },
  {
    path: 'cuenta',
    canActivate: [signedInGuard],
    loadComponent: () => import('./pages/account/account.page').then((m) => m.AccountPage),
  },
  {
    path: 'organizacion/miembros',
    canActivate: [signedInGuard],
    loadComponent: () => import('./pages/members/members.page').then((m) => m.MembersPage),
  },
  {
    path: 'admin/organizaciones',
    canActivate: [signedInGuard],
    loadComponent: () => import('./pages/approvals/approvals.page').then((m) => m.ApprovalsPage),
  },
  {
    path: 'admin/tareas-fallidas',
    canActivate: [signedInGuard],
    loadComponent: () => import('./pages/failed-jobs/failed-jobs.page').then((m) => m.FailedJobsPage),
  },
  {
    path: 'proveedores',
    canActivate: [signedInGuard],
    loadComponent: () => import('./pages/directory/directory.page').then((m) => m.DirectoryPage),
  },
  {
    path: 'proveedores/:organizationId',
    canActivate: [signedInGuard],
    loadComponent: () => import('./pages/directory/supplier-detail.page').then((m) => m.SupplierDetailPage),
  },
  // The national-industry participation dashboard (issue 8); ECharts loads only inside it.
  {
    path: 'informes',
    canActivate: [signedInGuard],
    loadComponent: () => import('./pages/reports/reports.page').then((m) => m.ReportsPage),
  },
  {
    path: 'organizacion/perfil-comprador',
    canActivate: [signedInGuard],
    loadComponent: () => import('./pages/buyer-profile/buyer-profile.page').then((m) => m.BuyerProfilePage),
  },
  {
    path: 'admin/parametros',
    canActivate: [signedInGuard],
    loadComponent: () => import('./pages/rule-parameters/rule-parameters.page').then((m) => m.RuleParametersPage),
  },
  {
    path: 'proveedor/perfil',
    canActivate: [signedInGuard],
    loadComponent: () => import('./pages/supplier-profile/supplier-profile.page').then((m) => m.SupplierProfilePage),
  },
  { path: 'procesos', loadComponent: () => import('./pages/tenders/public-tenders.page').then((m) => m.PublicTendersPage) },
  // A supplier's sealed bid on a tender, its receipt, and its organization's bids.
  {
    path: 'procesos/:tenderId/oferta',
    canActivate: [signedInGuard],
    loadComponent: () => import('./pages/bids/bid-form.page').then((m) => m.BidFormPage),
  },
  {
    path: 'procesos/:tenderId/oferta/recibo',
    canActivate: [signedInGuard],
    loadComponent: () => import('./pages/bids/bid-receipt.page').then((m) => m.BidReceiptPage),
  },
  {
    path: 'ofertas',
    canActivate: [signedInGuard],
    loadComponent: () => import('./pages/bids/my-bids.page').then((m) => m.MyBidsPage),
  },
  { path: 'procesos/:tenderId', loadComponent: () => import('./pages/tenders/public-tender.page').then((m) => m.PublicTenderPage) },
  {
    path: 'comprador/procesos',
    canActivate: [signedInGuard],
    loadComponent: () => import('./pages/tenders/my-tenders.page').then((m) => m.MyTendersPage),
  },
  {
    path: 'comprador/procesos/nuevo',
    canActivate: [signedInGuard],
    data: { mode: 'new' },
    loadComponent: () => import('./pages/tenders/tender-wizard.page').then((m) => m.TenderWizardPage),
  },
  {
    path: 'comprador/procesos/:tenderId/editar',
    canActivate: [signedInGuard],
    data: { mode: 'edit' },
    loadComponent: () => import('./pages/tenders/tender-wizard.page').then((m) => m.TenderWizardPage),
  },
  {
    path: 'comprador/procesos/:tenderId/adenda',
    canActivate: [signedInGuard],
    data: { mode: 'amend' },
    loadComponent: () => import('./pages/tenders/tender-wizard.page').then((m) => m.TenderWizardPage),
  },
  // Evaluation and award: the committee's workspace, the buyer's award, and the report anyone reads.
  {
    path: 'comprador/procesos/:tenderId/evaluacion',
    canActivate: [signedInGuard],
    loadComponent: () => import('./pages/evaluation/evaluation.page').then((m) => m.EvaluationPage),
  },
  {
    path: 'comprador/procesos/:tenderId/adjudicacion',
    canActivate: [signedInGuard],
    loadComponent: () => import('./pages/evaluation/award.page').then((m) => m.AwardPage),
  },
  { path: 'procesos/:tenderId/informe', loadComponent: () => import('./pages/evaluation/report.page').then((m) => m.ReportPage) },
  {
    path: 'comprador/procesos/:tenderId',
    canActivate: [signedInGuard],
    loadComponent: () => import('./pages/tenders/tender-manage.page').then((m) => m.TenderManagePage),
  },
  { path: 'planes', loadComponent: () => import('./pages/plans/public-plans.page').then((m) => m.PublicPlansPage) },
  {
    path: 'comprador/plan',
    canActivate: [signedInGuard],
    loadComponent: () => import('./pages/plans/plan.page').then((m) => m.PlanPage),
  },
  { path: '**', loadComponent: () => import('./pages/not-found/not-found.page').then((m) => m.NotFoundPage) },
];
