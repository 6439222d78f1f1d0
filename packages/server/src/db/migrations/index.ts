import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001_initial.js';
import * as accountsSso from './0002_accounts_sso.js';
import * as reportEvidence from './0003_report_evidence.js';
import * as incidentListKeys from './0004_incident_list_keys.js';
import * as deskCase from './0005_desk_case.js';
import * as accountsAdmin from './0006_accounts_admin.js';
import * as listening from './0007_listening.js';
import * as jobs from './0008_jobs.js';
import * as heardPostSearch from './0009_heard_post_search.js';
import * as alertDelivery from './0010_alert_delivery.js';
import * as publishingDesk from './0011_publishing_desk.js';
import * as publishingSchedule from './0012_publishing_schedule.js';
import * as publishingMedia from './0013_publishing_media.js';
import * as publishingConsents from './0014_publishing_consents.js';
import * as publicationMetrics from './0015_publication_metrics.js';
import * as publicationConsents from './0016_publication_consents.js';
import * as mediaImageCheck from './0017_media_image_check.js';
import * as training from './0018_training.js';
import * as analytics from './0019_analytics.js';
import * as monthlyReports from './0020_monthly_reports.js';

/**
 * Every migration, in order. A static list rather than a folder scan: the compiled package does
 * not depend on where it is installed, and a migration can never be skipped by a missing file.
 * Append new ones; never edit or reorder one that has shipped.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_accounts_sso': accountsSso,
  '0003_report_evidence': reportEvidence,
  '0004_incident_list_keys': incidentListKeys,
  '0005_desk_case': deskCase,
  '0006_accounts_admin': accountsAdmin,
  '0007_listening': listening,
  '0008_jobs': jobs,
  '0009_heard_post_search': heardPostSearch,
  '0010_alert_delivery': alertDelivery,
  '0011_publishing_desk': publishingDesk,
  '0012_publishing_schedule': publishingSchedule,
  '0013_publishing_media': publishingMedia,
  '0014_publishing_consents': publishingConsents,
  '0015_publication_metrics': publicationMetrics,
  '0016_publication_consents': publicationConsents,
  '0017_media_image_check': mediaImageCheck,
  '0018_training': training,
  '0019_analytics': analytics,
  '0020_monthly_reports': monthlyReports,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
