import { networkLabel, PUBLISHING_NETWORKS } from '@blouse/contract';
import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import type { PublishingCalendar } from '../api/types';
import { useDocumentTitle } from '../layout/use-document-title';
import { toned } from '../listening/listening-words';
import { useSignedIn } from '../session/session-context';
import { dayKey, movedTo, shifted, visibleDays } from './calendar-dates';
import { canUsePublishing, canWriteDrafts } from './publishing-roles';

type Entry = PublishingCalendar['publications'][number];

/**
 * /publier/calendrier: the month or the week, with what is scheduled or published each day and
 * the health-awareness days (Octobre rose, Mois sans tabac…) offered as starting points. A
 * scheduled publication is dragged to another day to move it (same time of day); « Déplacer »
 * does the same from the keyboard.
 */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('publishing.calendar.title'));
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const { membership, role } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const language = i18n.language.startsWith('en') ? 'en' : 'fr';
  const [view, setView] = useState<'month' | 'week'>('month');
  const [anchor, setAnchor] = useState(() => new Date());
  const [network, setNetwork] = useState('');
  const [moving, setMoving] = useState<Entry | null>(null);
  const days = visibleDays(anchor, view);
  const from = dayKey(days[0] as Date);
  const to = dayKey(days.at(-1) as Date);
  const key = ['publishing', establishmentId, 'calendar', from, to, network];
  const calendar = useQuery({
    queryKey: key,
    enabled: canUsePublishing(role),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/publishing/calendar', {
          params: {
            path: { establishmentId },
            query: {
              from,
              to,
              ...(network === '' ? {} : { network: network as (typeof PUBLISHING_NETWORKS)[number] }),
            },
          },
          signal,
        }),
      ),
  });
  const move = useMutation({
    mutationFn: ({ entry, day }: { entry: Entry; day: string }) =>
      unwrap(
        client.POST(
          '/api/establishments/{establishmentId}/publishing/publications/{publicationId}/reschedule',
          {
            params: { path: { establishmentId, publicationId: entry.id } },
            body: { at: movedTo(entry.scheduledAt, day) },
          },
        ),
      ),
    onSuccess: async () => {
      setMoving(null);
      await queryClient.invalidateQueries({ queryKey: ['publishing', establishmentId, 'calendar'] });
    },
  });
  if (!canUsePublishing(role)) return <Text>{t('publishing.reserved')}</Text>;
  const writer = canWriteDrafts(role);
  const publications = calendar.data?.publications ?? [];
  const healthDays = calendar.data?.healthDays ?? [];
  // Whole-month campaigns are named once above the grid, for the month shown (the grid's edge
  // days belong to the months around it).
  const shownMonth = dayKey(anchor).slice(0, 7);
  const wholeMonths = healthDays.filter(
    (day) =>
      day.start.endsWith('-01') &&
      day.end.slice(8) >= '28' &&
      (view === 'week' || day.start.slice(0, 7) === shownMonth),
  );
  const monthLong = (day: (typeof healthDays)[number]) =>
    day.start.endsWith('-01') && day.end.slice(8) >= '28';
  const heading = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric' }).format(anchor);
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'short' });
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });
  return (
    <Stack>
      <Anchor component={Link} to="/publier" size="sm">
        ← {t('publishing.back')}
      </Anchor>
      <Title order={1}>{t('publishing.calendar.title')}</Title>
      <Group gap="sm" wrap="wrap" align="flex-end">
        <SegmentedControl
          aria-label={t('publishing.calendar.view')}
          value={view}
          onChange={(value) => setView(value === 'week' ? 'week' : 'month')}
          data={[
            { value: 'month', label: t('publishing.calendar.month') },
            { value: 'week', label: t('publishing.calendar.week') },
          ]}
        />
        <Button variant="default" onClick={() => setAnchor(shifted(anchor, view, -1))}>
          ← {t('publishing.calendar.previous')}
        </Button>
        <Button variant="default" onClick={() => setAnchor(new Date())}>
          {t('publishing.calendar.today')}
        </Button>
        <Button variant="default" onClick={() => setAnchor(shifted(anchor, view, 1))}>
          {t('publishing.calendar.next')} →
        </Button>
        <NativeSelect
          label={t('publishing.calendar.network')}
          value={network}
          onChange={(event) => setNetwork(event.currentTarget.value)}
          data={[
            { value: '', label: t('publishing.calendar.allNetworks') },
            ...PUBLISHING_NETWORKS.map((value) => ({ value, label: networkLabel(value, language) })),
          ]}
        />
      </Group>
      <Title order={2} size="h3" style={{ textTransform: 'capitalize' }} aria-live="polite">
        {view === 'month' ? heading : `${from} → ${to}`}
      </Title>
      {wholeMonths.length > 0 ? (
        <Text size="sm" data-testid="campaigns">
          {t('publishing.calendar.campaigns')} {wholeMonths.map((day) => day.name[language]).join(' · ')}
        </Text>
      ) : null}
      {calendar.isError ? (
        <ErrorAlert title={t('errors.generic')}>{message(calendar.error)}</ErrorAlert>
      ) : null}
      {move.isError ? <ErrorAlert title={t('errors.generic')}>{message(move.error)}</ErrorAlert> : null}
      {moving ? (
        <Text size="sm" role="status">
          {t('publishing.calendar.pickDay', { title: moving.title })}{' '}
          <Anchor component="button" type="button" onClick={() => setMoving(null)}>
            {t('publishing.calendar.cancel')}
          </Anchor>
        </Text>
      ) : null}
      <div className="publishing-calendar" data-view={view} data-testid="calendar">
        {days.map((date) => {
          const key = dayKey(date);
          const entries = publications.filter((entry) => dayKey(new Date(entry.scheduledAt)) === key);
          const observed = healthDays.filter((day) => day.start <= key && key <= day.end && !monthLong(day));
          const outside = view === 'month' && date.getMonth() !== anchor.getMonth();
          return (
            <Paper
              key={key}
              withBorder
              p={6}
              component="section"
              aria-label={new Intl.DateTimeFormat(language, { dateStyle: 'full' }).format(date)}
              data-day={key}
              data-empty={entries.length === 0 && observed.length === 0 && !moving}
              style={{ opacity: outside ? 0.7 : 1, minHeight: view === 'week' ? 160 : 96 }}
              onDragOver={(event) => {
                if (writer) event.preventDefault();
              }}
              onDrop={(event) => {
                const id = event.dataTransfer.getData('text/plain');
                const entry = publications.find((candidate) => candidate.id === id);
                if (entry) move.mutate({ entry, day: key });
              }}
            >
              <Stack gap={4}>
                <Group justify="space-between" gap={4} wrap="nowrap">
                  <Text size="xs" fw={700}>
                    {weekday.format(date)} {date.getDate()}
                  </Text>
                  {moving ? (
                    <Anchor
                      component="button"
                      type="button"
                      size="xs"
                      onClick={() => move.mutate({ entry: moving, day: key })}
                    >
                      {t('publishing.calendar.here')}
                    </Anchor>
                  ) : null}
                </Group>
                {observed.map((day) => (
                  <Anchor
                    key={day.id}
                    component={Link}
                    to={`/publier/nouvelle?titre=${encodeURIComponent(day.name[language])}`}
                    size="xs"
                    c="grape.9"
                  >
                    {day.name[language]}
                  </Anchor>
                ))}
                {entries.map((entry) => (
                  <Badge
                    key={entry.id}
                    variant="outline"
                    color={entry.status === 'published' ? 'teal' : entry.status === 'failed' ? 'red' : 'blue'}
                    styles={toned(
                      entry.status === 'published' ? 'teal' : entry.status === 'failed' ? 'red' : 'blue',
                    )}
                    draggable={writer && entry.status === 'scheduled'}
                    onDragStart={(event) => event.dataTransfer.setData('text/plain', entry.id)}
                    data-testid="calendar-entry"
                    style={{
                      cursor: writer && entry.status === 'scheduled' ? 'grab' : 'default',
                      maxWidth: '100%',
                    }}
                  >
                    <Anchor component={Link} to={`/publier/${entry.draftId}`} size="xs" c="inherit">
                      {time.format(new Date(entry.scheduledAt))} {networkLabel(entry.network, language)} ·{' '}
                      {entry.title}
                    </Anchor>
                    {writer && entry.status === 'scheduled' ? (
                      <Anchor
                        component="button"
                        type="button"
                        size="xs"
                        ml={4}
                        c="inherit"
                        aria-label={t('publishing.calendar.moveLabel', { title: entry.title })}
                        onClick={() => setMoving(entry)}
                      >
                        ↔
                      </Anchor>
                    ) : null}
                  </Badge>
                ))}
              </Stack>
            </Paper>
          );
        })}
      </div>
    </Stack>
  );
}
