/**
 * A handler for every UI channel that says yes and does nothing, for tests about who may call
 * and what reaches a handler; a test overrides the handlers it watches.
 */
import type { UiHandlers } from './IpcRouter';

export type { UiHandlers };

export function stubUiHandlers(overrides: Partial<UiHandlers> = {}): UiHandlers {
  const ok = () => ({ ok: true as const });
  return {
    'ui:get-state': () => {
      throw new Error('unused');
    },
    'ui:sign-in': ok,
    'ui:sign-out': ok,
    'ui:forget-password': ok,
    'ui:set-status': ok,
    'ui:accept': ok,
    'ui:reject': ok,
    'ui:end': ok,
    'ui:hold': ok,
    'ui:mute': ok,
    'ui:dtmf': ok,
    'ui:consult': ok,
    'ui:transfer': ok,
    'ui:join': ok,
    'ui:swap': ok,
    'ui:leave': ok,
    'ui:end-leg': ok,
    'ui:save-details': ok,
    'ui:clear': ok,
    'ui:export-history': () => ({ ok: true as const, file: '/tmp/x.csv' }),
    'ui:recent-contacts': () => ({ entries: [], total: 0 }),
    'ui:export-diagnostics': () => ({ ok: true as const, file: '/tmp/diagnostics' }),
    'ui:load-profile': ok,
    'ui:dial': ok,
    'ui:choose-audio-device': ok,
    'ui:set-ring': ok,
    'ui:set-language': ok,
    'ui:test-sound': ok,
    'ui:microphone-meter': ok,
    'ui:chat-send': ok,
    'ui:chat-attach': ok,
    'ui:chat-typing': ok,
    'ui:chat-read': ok,
    'ui:open-link': ok,
    'ui:customer-lookup': ok,
    'ui:set-shortcut': ok,
    'ui:set-start-at-login': ok,
    'ui:set-widget-on-top': ok,
    'ui:set-desk-phone': ok,
    'ui:record': ok,
    'ui:set-recordings-folder': ok,
    'ui:monitor': ok,
    'ui:restart-to-update': ok,
    ...overrides,
  };
}
