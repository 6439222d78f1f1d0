import { Navigate, Route, Routes } from 'react-router';
import { DashboardPage } from './analytics/dashboard-page';
import { AuditPage } from './audit/audit-page';
import { AppLayout } from './layout/app-layout';
import { RequireSession } from './layout/require-session';
import { AlertPage } from './listening/alert-page';
import { AlertsPage } from './listening/alerts-page';
import { ListeningLayout } from './listening/listening-layout';
import { MentionPage } from './listening/mention-page';
import { MentionsPage } from './listening/mentions-page';
import { ListeningSettingsPage } from './listening/settings-page';
import { AdminListsPage } from './pages/admin-lists-page';
import { AdminSsoPage } from './pages/admin-sso-page';
import { AdminUsersPage } from './pages/admin-users-page';
import { CheckPage } from './pages/check-page';
import { FollowUpPage } from './pages/follow-up-page';
import { IncidentDetailPage } from './pages/incident-detail-page';
import { IncidentsPage } from './pages/incidents-page';
import { LoginPage } from './pages/login-page';
import { MyReportsPage } from './pages/my-reports-page';
import { NotFoundPage } from './pages/not-found-page';
import { ReportPage } from './pages/report-page';
import { CalendarPage } from './publishing/calendar-page';
import { ConsentPage } from './publishing/consents/consent-page';
import { ConsentsPage } from './publishing/consents/consents-page';
import { DraftPage } from './publishing/draft-page';
import { DraftsPage } from './publishing/drafts-page';
import { HomeRedirect } from './session/home-redirect';
import { CharterPage } from './training/charter-page';
import { FollowPage } from './training/follow-page';
import { OptOutPage } from './training/opt-out-page';
import { PrivacyPage } from './training/privacy-page';
import { QuizPage } from './training/quiz-page';
import { TrainingLayout } from './training/training-layout';

/** French paths: they are what people see in the address bar. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route path="/connexion" element={<LoginPage />} />
        <Route path="/suivi" element={<FollowUpPage />} />
        <Route path="/rappels/desinscription" element={<OptOutPage />} />
        <Route element={<RequireSession />}>
          <Route index element={<HomeRedirect />} />
          <Route path="/verifier" element={<CheckPage />} />
          <Route path="/signaler" element={<ReportPage />} />
          <Route path="/mes-signalements" element={<MyReportsPage />} />
          <Route path="/tableau-de-bord" element={<DashboardPage />} />
          <Route path="/incidents" element={<IncidentsPage />} />
          <Route path="/incidents/:incidentId" element={<IncidentDetailPage />} />
          <Route path="/veille" element={<ListeningLayout />}>
            <Route index element={<MentionsPage />} />
            <Route path="mentions/:mentionId" element={<MentionPage />} />
            <Route path="alertes" element={<AlertsPage />} />
            <Route path="alertes/:alertId" element={<AlertPage />} />
            <Route path="reglages" element={<ListeningSettingsPage />} />
          </Route>
          <Route path="/publier" element={<DraftsPage />} />
          <Route path="/publier/nouvelle" element={<DraftPage />} />
          <Route path="/publier/calendrier" element={<CalendarPage />} />
          <Route path="/publier/consentements" element={<ConsentsPage />} />
          <Route path="/publier/consentements/:consentId" element={<ConsentPage />} />
          <Route path="/publier/:draftId" element={<DraftPage />} />
          <Route path="/formation" element={<TrainingLayout />}>
            <Route index element={<CharterPage />} />
            <Route path="questionnaire" element={<QuizPage />} />
            <Route path="confidentialite" element={<PrivacyPage />} />
            <Route path="suivi" element={<FollowPage />} />
          </Route>
          <Route path="/admin" element={<Navigate to="/admin/utilisateurs" replace />} />
          <Route path="/admin/utilisateurs" element={<AdminUsersPage />} />
          <Route path="/admin/listes" element={<AdminListsPage />} />
          <Route path="/admin/sso" element={<AdminSsoPage />} />
          <Route path="/admin/journal" element={<AuditPage />} />
        </Route>
        <Route path="/accueil" element={<Navigate to="/" replace />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
