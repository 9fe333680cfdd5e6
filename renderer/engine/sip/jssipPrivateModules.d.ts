/**
 * JsSIP ships no typings for its dialog internals. Only `jssipInternals.ts` imports these, and
 * it narrows them to the few members it patches.
 */
declare module 'jssip/lib/Dialog' {
  const Dialog: { readonly prototype: object };
  export default Dialog;
}

declare module 'jssip/lib/Dialog/RequestSender' {
  const DialogRequestSender: { readonly prototype: object };
  export default DialogRequestSender;
}

declare module 'jssip/lib/RequestSender' {
  interface RequestSenderHandlers {
    onReceiveResponse(response: { status_code: number }): void;
    onRequestTimeout(): void;
    onTransportError(): void;
    onAuthenticated(request: unknown): void;
  }
  class RequestSender {
    constructor(ua: object, request: object, handlers: RequestSenderHandlers);
    send(): void;
  }
  export default RequestSender;
}
