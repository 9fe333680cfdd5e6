/**
 * SIP MESSAGE for the chat channel (E1, E2): received MESSAGEs go to main and their final
 * response waits for main's `chat-answer`; the agent's lines and typing go out as MESSAGEs.
 *
 * Holding the response is what lets a proxy hunt: a serial fork moves on only when this
 * branch answers 480/486 or its transaction timer fires (Kamailio tm `fr_timer`, 30 s by
 * default; docs/chat.md). Main answers within the ring time (20 s); HELD_BACKSTOP_MS only
 * guards against a main that never answers, so no transaction is held forever.
 */
import type * as JsSIP from 'jssip';
import type { SendMessageOptions } from 'jssip/lib/Message';
import type { IncomingMessageEvent, OutgoingMessageEvent } from 'jssip/lib/UA';
import type {
  ChatAnswerStatus,
  ChatAttachment,
  EngineCommand,
  EngineEvent,
} from '../../../common/contract';
import { fileHeaders, fileOf, isFileMessage } from './chatFileBody';
import { MAX_CHAT_BODY } from '../../../common/contract';
import { statusCodeOf } from './describeFailure';
import { forwardedHeaders, rawHeadersOf } from './forwardedHeaders';
import { IS_COMPOSING_TYPE, isComposingActive, isComposingBody } from './isComposing';
import { holdMessageReply } from './jssipInternals';
import { identityOf } from './sipIdentity';

/** Longer than main's ring time, shorter than a proxy's 30 s non-INVITE timer. */
export const HELD_BACKSTOP_MS = 25_000;

/** At most this many MESSAGEs wait for main at once; past it, 486 at once (a flood). */
export const MAX_HELD_MESSAGES = 64;

type Report = (event: EngineEvent) => void;

/** Main's commands for the chat channel. */
export type ChatCommand = Extract<
  EngineCommand,
  { type: 'chat-answer' | 'chat-send' | 'chat-send-file' | 'chat-typing' }
>;

export class ChatMessages {
  private readonly held = new Map<
    string,
    { reply: (status: number) => void; backstop: ReturnType<typeof setTimeout> }
  >();
  private seq = 0;

  constructor(
    private readonly report: Report,
    private readonly headerNames: () => readonly string[],
  ) {}

  /** Receives the user agent's MESSAGEs from now on. */
  attach(ua: JsSIP.UA, isCurrent: () => boolean): void {
    ua.on('newMessage', (event: IncomingMessageEvent | OutgoingMessageEvent) => {
      if (event.originator !== 'remote' || !isCurrent()) return;
      this.onIncoming(event);
    });
  }

  private onIncoming({ message, request }: IncomingMessageEvent): void {
    const reply = holdMessageReply(message, request);
    const contentType = (request.getHeader('Content-Type') ?? '').toLowerCase();
    const body = typeof request.body === 'string' ? request.body : '';
    const from = identityOf(request.from);
    if (contentType.startsWith(IS_COMPOSING_TYPE)) {
      reply(200);
      this.report({ type: 'chat-typing', from: from.uri, active: isComposingActive(body) });
      return;
    }
    const fileHeaders = {
      contentType,
      contentTransferEncoding: request.getHeader('Content-Transfer-Encoding'),
      contentDisposition: request.getHeader('Content-Disposition'),
    };
    const file = isFileMessage(fileHeaders) ? fileOf(fileHeaders, body) : undefined;
    if (file && !file.ok) {
      reply(file.status);
      return;
    }
    // Plain text (an SMS gateway's and every softphone's) or a base64 file: anything else is
    // refused before it reaches main, never rendered.
    if (!file && !contentType.startsWith('text/plain') && contentType !== '') {
      reply(415);
      return;
    }
    if (this.held.size >= MAX_HELD_MESSAGES) {
      reply(486);
      return;
    }
    this.seq += 1;
    const messageId = `msg-${this.seq}`;
    const backstop = setTimeout(() => this.answer(messageId, 480), HELD_BACKSTOP_MS);
    this.held.set(messageId, { reply, backstop });
    this.report({
      type: 'chat-message',
      messageId,
      from,
      headers: forwardedHeaders(rawHeadersOf(request), this.headerNames()),
      text: file ? '' : body.slice(0, MAX_CHAT_BODY),
      ...(file ? { attachment: file.attachment } : {}),
    });
  }

  /** Carries out main's command; `ua` is asked only when something is sent. */
  handle(command: ChatCommand, ua: () => JsSIP.UA): void {
    switch (command.type) {
      case 'chat-answer':
        return this.answer(command.messageId, command.status);
      case 'chat-send':
        return this.send(ua(), command.sendId, command.target, command.text, command.headers ?? {});
      case 'chat-send-file': {
        const { sendId, target, attachment } = command;
        return this.sendFile(ua(), sendId, target, attachment, command.headers ?? {});
      }
      case 'chat-typing':
        return this.typing(ua(), command.target, command.active);
    }
  }

  /** Main's final answer to a held MESSAGE. */
  answer(messageId: string, status: ChatAnswerStatus): void {
    const held = this.held.get(messageId);
    if (!held) return;
    this.held.delete(messageId);
    clearTimeout(held.backstop);
    held.reply(status);
  }

  private send(
    ua: JsSIP.UA,
    sendId: string,
    target: string,
    text: string,
    headers: Record<string, string>,
  ): void {
    ua.sendMessage(target, text, {
      contentType: 'text/plain;charset=utf-8',
      extraHeaders: Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      eventHandlers: this.sentHandlers(sendId),
    });
  }

  /** A file, as one MESSAGE with the file's own type (chatFileBody.ts). */
  private sendFile(
    ua: JsSIP.UA,
    sendId: string,
    target: string,
    attachment: ChatAttachment,
    headers: Record<string, string>,
  ): void {
    ua.sendMessage(target, attachment.data, {
      contentType: attachment.type,
      extraHeaders: [
        ...fileHeaders(attachment),
        ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      ],
      eventHandlers: this.sentHandlers(sendId),
    });
  }

  private sentHandlers(sendId: string): SendMessageOptions['eventHandlers'] {
    return {
      succeeded: () => this.report({ type: 'chat-sent', sendId, delivered: true }),
      failed: (event) => {
        const statusCode = statusCodeOf(event.response);
        this.report({
          type: 'chat-sent',
          sendId,
          delivered: false,
          ...(statusCode !== undefined ? { statusCode } : {}),
        });
      },
    };
  }

  /** The agent's typing state; a far end that does not support it answers 415, which is fine. */
  private typing(ua: JsSIP.UA, target: string, active: boolean): void {
    ua.sendMessage(target, isComposingBody(active), { contentType: IS_COMPOSING_TYPE });
  }

  /** The user agent goes away: held MESSAGEs are answered 480 so proxies hunt on at once. */
  releaseAll(): void {
    for (const messageId of [...this.held.keys()]) this.answer(messageId, 480);
  }
}
