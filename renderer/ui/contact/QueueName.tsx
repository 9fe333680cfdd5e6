import { useTranslation } from 'react-i18next';

/** The queue the contact came through (the whisper header, D1): "Queue: Sales". */
export function QueueName({ queue, testId }: { queue: string | undefined; testId: string }) {
  const { t } = useTranslation();
  const name = queue?.trim();
  if (!name) return null;
  return (
    <p className="queue" data-testid={testId} title={name}>
      <span className="queue__label">{t('contact.queueLabel')}</span>{' '}
      <span className="queue__name">{name}</span>
    </p>
  );
}
