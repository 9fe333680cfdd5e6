/**
 * One chat line's text as the markdown subset the guides list (bold, italic, lists, links,
 * code), rendered by react-markdown: it builds React elements, never HTML strings, so nothing
 * a customer writes reaches innerHTML. Raw HTML in a line is shown as the text it is (the
 * `htmlAsText` step), images are never loaded, and a link keeps its href only when http(s);
 * clicking one asks main, which checks the scheme again and opens the browser.
 */
import Markdown, { type Components } from 'react-markdown';
import { useCcp } from '../app/CcpContext';
import { htmlAsText, safeHref } from './markdownPolicy';

/** Everything else (images, headings, tables, raw HTML) is not part of the chat's subset. */
export const CHAT_ELEMENTS = ['p', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'code', 'br', 'del'];

export function ChatText({ text }: { text: string }) {
  const api = useCcp();
  const components: Components = {
    a: ({ href, children }) =>
      href ? (
        <a
          href={href}
          rel="noreferrer noopener"
          onClick={(event) => {
            event.preventDefault();
            void api.chats.openLink(href);
          }}
        >
          {children}
        </a>
      ) : (
        <span className="chat-dead-link">{children}</span>
      ),
  };
  return (
    <div className="chat-text">
      <Markdown
        remarkPlugins={[htmlAsText]}
        allowedElements={CHAT_ELEMENTS}
        unwrapDisallowed
        urlTransform={safeHref}
        components={components}
      >
        {text}
      </Markdown>
    </div>
  );
}
