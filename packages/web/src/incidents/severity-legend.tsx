import { SEVERITIES } from '@blouse/contract';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useVocabulary } from '../vocabulary';
import { SeverityBadge } from './severity-badge';

/**
 * What N0…N4 mean, where they are shown: a disclosure (closed by default, one line on a phone)
 * with each level's badge and definition, read by screen readers as a definition list.
 */
export function SeverityLegend() {
  const { t } = useTranslation();
  const words = useVocabulary();
  return (
    <details className="severity-legend" data-testid="severity-legend">
      <summary>
        <Text span size="sm" fw={600}>
          {t('desk.legend.title')}
        </Text>
      </summary>
      <dl>
        {SEVERITIES.map((severity) => (
          <div key={severity}>
            <dt>
              <SeverityBadge severity={severity} />
            </dt>
            <dd>
              <Text size="sm">{words.severityDefinition(severity)}</Text>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
