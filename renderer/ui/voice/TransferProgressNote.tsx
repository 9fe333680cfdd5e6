import { useTranslation } from 'react-i18next';
import type { TransferProgress } from '../../../common/contract';

/**
 * A transfer the agent started: "Transferring to Billing…", or why it failed and that nothing
 * changed for the parties (the customer is still with the agent), so the agent can go on.
 */
export function TransferProgressNote({ transfer }: { transfer: TransferProgress | undefined }) {
  const { t } = useTranslation();
  if (!transfer) return null;
  if (transfer.state === 'pending') {
    return (
      <p
        className="transfer-progress"
        role="status"
        data-testid="transfer-progress"
        data-state="pending"
        data-kind={transfer.kind}
      >
        <span className="spinner spinner--dark" aria-hidden="true" />
        {t('transfer.pending', { target: transfer.target })}
      </p>
    );
  }
  return (
    <p
      className="intent-error"
      role="alert"
      data-testid="transfer-progress"
      data-state="failed"
      data-kind={transfer.kind}
    >
      {t(`transfer.failed.${transfer.kind}`, {
        target: transfer.target,
        reason: transfer.reason?.trim() || t('notice.unknownCause'),
      })}
    </p>
  );
}
