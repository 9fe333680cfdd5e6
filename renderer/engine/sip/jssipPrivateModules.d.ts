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
