/**
 * What the provisioning profile in force means for AgentDesk: timeouts, auto-accept, custom
 * statuses, dialing rules, quick connects, in-call permissions, SIP header names, wrap-up codes
 * and the DTMF mode. Pure, so the mapping is unit-tested apart from any loading.
 */
import type { AgentStatusDefinition } from '../common/contract';
import type { DeskProfileSettings } from './desk/deskSettings';
import { DialingRulesConfig } from './dialing/DialingRules';
import type { ProvisioningProfile } from './provisioning/ProfileSchema';

export function deskOptionsFromProfile(
  profile: ProvisioningProfile | undefined,
): DeskProfileSettings {
  if (!profile) return {};
  const statuses: AgentStatusDefinition[] | undefined = profile.statuses?.map((status) => ({
    id: status.id,
    label: status.label,
    kind: 'custom',
    ...(status.labels ? { labels: status.labels } : {}),
  }));
  return {
    ringTimeoutMs: profile.ringTimeoutSec * 1000,
    acwTimeoutMs: (profile.acwTimeoutSec ?? 0) * 1000,
    autoAccept: { voice: profile.autoAccept.voice, beep: profile.autoAccept.beep },
    ...(statuses ? { customStatuses: statuses } : {}),
    quickConnects: profile.quickConnects.map(({ id, kind, name, target }) => ({
      id,
      kind,
      name,
      target,
    })),
    ...(profile.dialing ? { dialingRules: DialingRulesConfig.parse(profile.dialing) } : {}),
    permissions: {
      transfer: profile.permissions.transfer,
      conference: profile.permissions.conference,
    },
    sipHeaders: { queueName: profile.sipHeaders.queueName, callback: profile.sipHeaders.callback },
    chatSlots: profile.routing.chatSlots,
    voiceWithChat: profile.routing.voiceWithChat,
    ...(profile.routing.chatAttachments
      ? {
          chatAttachments: {
            maxBytes: profile.routing.chatAttachments.maxBytes,
            types: [...profile.routing.chatAttachments.types],
          },
        }
      : {}),
    chatHeaders: {
      conversationId: profile.sipHeaders.conversationId,
      role: profile.sipHeaders.chatRole,
    },
    wrapUp: {
      codes: profile.wrapUp.codes.map(({ id, label, labels }) => ({
        id,
        label,
        ...(labels ? { labels } : {}),
      })),
      required: profile.wrapUp.required,
    },
    dtmfMode: profile.dtmf,
    dialLinks: { autoDial: profile.dialLinks.autoDial },
    acceptReplaces: profile.sipPolicy.acceptReplaces,
    ...(profile.customerLookup
      ? {
          customerLookup: {
            urlTemplate: profile.customerLookup.url,
            open: profile.customerLookup.open,
          },
        }
      : {}),
    recording: { allowed: profile.recording.allowed, automatic: profile.recording.automatic },
    listenIn: { supervisors: [...profile.supervision.supervisors] },
    monitor: {
      allowed: profile.supervision.listenIn,
      ...(profile.supervision.featureCode ? { featureCode: profile.supervision.featureCode } : {}),
    },
  };
}
