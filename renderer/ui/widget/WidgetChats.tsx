/**
 * The chats in the compact widget (G1 with E1): how many are open, and each ringing chat offer
 * with Accept and Reject, so an agent working from the mini window misses no chat. Replies are
 * written in the CCP window, where the transcript is.
 */
import { useTranslation } from 'react-i18next';
import type { ChatContact } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';

export function WidgetChats({ chats }: { chats: readonly ChatContact[] }) {
  const { t } = useTranslation();
  const api = useCcp();
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
            <div className="widget__controls">
              <button
                type="button"
                className="button button--accept"
                data-testid="widget-chat-accept"
                onClick={() => void api.contacts.accept(chat.id)}
              >
                {t('chat.accept')}
              </button>
              <button
                type="button"
                className="button"
                data-testid="widget-chat-reject"
                onClick={() => void api.contacts.reject(chat.id)}
              >
                {t('chat.reject')}
              </button>
            </div>
          </div>
        );
      })}
    </section>
  );
}
