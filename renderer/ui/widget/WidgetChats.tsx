/**
 * The chats in the compact widget (G1 with E1): how many are open, and each ringing chat offer
 * with Accept and Reject, so an agent working from the mini window misses no chat. Replies are
 * written in the CCP window, where the transcript is.
 */
import { useTranslation } from 'react-i18next';
import type { ChatContact } from '../../../common/contract';
import { WidgetOfferButtons } from './WidgetOfferButtons';

export function WidgetChats({ chats }: { chats: readonly ChatContact[] }) {
  const { t } = useTranslation();
  if (chats.length === 0) return null;
  const offers = chats.filter((chat) => chat.state === 'incoming');
  return (
    <section
      className="widget__chats"
      data-testid="widget-chats"
      aria-label={t('widget.chatsLabel')}
    >
      <p data-testid="widget-chat-count" data-count={chats.length}>
        {t('widget.chatCount', { count: chats.length })}
      </p>
      {offers.map((chat) => {
        const name = chat.peer.displayName || chat.peer.number;
        return (
          <div className="widget__chat-offer" data-testid="widget-chat-offer" key={chat.id}>
            <p>{t('widget.chatOffer', { name })}</p>
            <WidgetOfferButtons
              contactId={chat.id}
              testIdPrefix="widget-chat"
              acceptLabel={t('chat.accept')}
              rejectLabel={t('chat.reject')}
            />
          </div>
        );
      })}
    </section>
  );
}
