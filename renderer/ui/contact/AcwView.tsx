import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, DeskState } from '../../../common/contract';
import { CallerIdentity } from './CallerIdentity';
import { ClearContactButton } from './ClearContactButton';
import { CustomerLookupButton } from './CustomerLookupButton';
import { ElapsedTime } from '../shared/ElapsedTime';
import { EndMessage, EndReasonRow } from './EndReason';
import { formatDuration } from '../shared/formatDuration';
import { useFocusWhenLost } from '../shared/useFocusWhenLost';
import { QueueName } from './QueueName';
import type { ContactDetailsHandle } from './useContactDetails';
import { WrapUpDetailsForm } from './WrapUpDetailsForm';

interface Props {
  contact: Contact;
  options: DeskState['contactOptions'];
  details: ContactDetailsHandle;
}

/**
 * After contact work: the call is over; the agent writes notes, picks a wrap-up code, maybe
 * sets a follow-up task, then clears the contact (which first saves what is still unsaved).
 */
export function AcwView({ contact, options, details }: Props) {
  const { t } = useTranslation();
  const wrapUp = useRef<HTMLSelectElement>(null);
  // End call's lost focus goes to the heading: a second Enter does not clear the contact.
  const title = useRef<HTMLHeadingElement>(null);
  useFocusWhenLost(title);
  const talkTime =
    contact.connectedAt !== undefined && contact.endedAt !== undefined
      ? formatDuration(contact.endedAt - contact.connectedAt)
      : undefined;

  return (
    <section className="acw" data-testid="acw-view" aria-labelledby="acw-title">
      <div className="acw__top">
        <h2 id="acw-title" className="section-title" ref={title} tabIndex={-1}>
          {t('contactState.acw')}
        </h2>
        <ElapsedTime
          since={contact.stateSince}
          label={t('contact.acwTimerLabel')}
          testId="acw-timer"
          className="acw__timer"
        />
      </div>
      <CallerIdentity peer={contact.peer} testId="acw-peer" />
      <QueueName queue={contact.queue} testId="acw-queue" />
      <CustomerLookupButton
        contactId={contact.id}
        number={contact.peer.number}
        open={options.customerLookup}
      />
      <EndMessage contact={contact} />
      <dl className="facts">
        {contact.transferredTo ? (
          <div className="facts__row">
            <dt>{t('contact.outcome')}</dt>
            <dd data-testid="transferred-to">
              {t('contact.transferredTo', { target: contact.transferredTo })}
            </dd>
          </div>
        ) : null}
        {contact.voicemail ? (
          <div className="facts__row">
            <dt>{t('contact.outcome')}</dt>
            <dd data-testid="voicemail-left">{t('contact.voicemailLeft')}</dd>
          </div>
        ) : null}
        {/* "Transferred to …" above already says why the call ended. */}
        {contact.transferredTo && contact.endCode === 'transferred' && !contact.endReason ? null : (
          <EndReasonRow contact={contact} />
        )}
        {contact.endedBy ? (
          <div className="facts__row">
            <dt>{t('contact.endedBy')}</dt>
            <dd>{t(`contact.endedByValue.${contact.endedBy}`)}</dd>
          </div>
        ) : null}
        {talkTime ? (
          <div className="facts__row">
            <dt>{t('contact.talkTime')}</dt>
            <dd>{talkTime}</dd>
          </div>
        ) : null}
      </dl>
      <WrapUpDetailsForm
        details={details}
        wrapUpCodes={options.wrapUpCodes}
        wrapUpRequired={options.wrapUpRequired}
        wrapUpRef={wrapUp}
      />
      <div className="contact-actions">
        <p className="hint">{t('contact.acwHint')}</p>
        <ClearContactButton
          contactId={contact.id}
          beforeClear={details.flush}
          onRefused={(reason) => {
            if (reason === 'wrapUpRequired') wrapUp.current?.focus();
          }}
        />
      </div>
    </section>
  );
}
