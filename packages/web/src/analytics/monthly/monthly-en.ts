import type { monthlyFr } from './monthly-fr';

export const monthlyEn: typeof monthlyFr = {
  title: 'Monthly report',
  intro:
    'The month’s report as a PDF: key figures, charts, response times and notable incidents, with no personal data. It is sent to the management on the first working day of the following month.',
  month: 'Month',
  download: 'Download the month’s report (PDF)',
  current: '{{month}} — in progress, provisional',
  sent: '{{month}} — sent on {{date}}',
  archived: '{{month}} — archived',
  notYet: '{{month}}',
  partial:
    'You do not read every establishment of the group: the report covers yours, and is not the one sent to the group’s management.',
};
