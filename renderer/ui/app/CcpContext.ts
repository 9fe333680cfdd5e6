import { createContext, use } from 'react';
import type { CcpApi } from '../../../common/contract';

/** The preload API, provided once by main.tsx so components never touch `window`. */
export const CcpContext = createContext<CcpApi | null>(null);

export function useCcp(): CcpApi {
  const api = use(CcpContext);
  if (!api) throw new Error('useCcp() outside <CcpContext>');
  return api;
}
