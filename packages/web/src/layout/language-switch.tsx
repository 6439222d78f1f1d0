import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Language, setLanguage } from '../i18n';

/** FR / EN, remembered on this device. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('nav.language')}
      size="sm"
      value={i18n.language === 'en' ? 'en' : 'fr'}
      onChange={(value) => setLanguage(value as Language)}
      data={[
        { value: 'fr', label: <span lang="fr">FR</span> },
        { value: 'en', label: <span lang="en">EN</span> },
      ]}
    />
  );
}
