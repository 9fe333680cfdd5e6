/**
 * The one place that knows the preload exposes the API as `window.ccp`. Everything else gets it
 * through `CcpContext`, so a missing bridge is detected once, at startup.
 */
import { UI_GLOBAL, type CcpApi } from '../../../common/contract';

declare global {
  interface Window {
    /** Set by preload/ui.ts through contextBridge; missing when the page runs without it. */
    ccp?: CcpApi;
  }
}

/** Fails to compile if the contract ever renames the global without this file following. */
const globalName: 'ccp' = UI_GLOBAL;

export const ccp: CcpApi | undefined = window[globalName];
