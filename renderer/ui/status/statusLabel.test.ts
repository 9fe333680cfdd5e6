import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { AgentStatusDefinition } from '../../../common/contract';
import '../app/i18n';
import { localizedLabel } from '../shared/localizedLabel';
import { statusLabel } from './statusLabel';

const italian = i18next.getFixedT('it');
const japanese = i18next.getFixedT('ja');

const BREAK: AgentStatusDefinition = {
  id: 'break',
  label: 'Break',
  kind: 'custom',
  preset: 'break',
};

describe('statusLabel', () => {
  it("words the app's default statuses in the UI's language", () => {
    expect(statusLabel(italian, BREAK, 'break', 'it')).toBe('Pausa');
    expect(
      statusLabel(
        japanese,
        { id: 'training', label: 'Training', kind: 'custom', preset: 'training' },
        'training',
        'ja',
      ),
    ).toBe('トレーニング');
  });

  it("keeps a profile status's own label, or its translation where the profile gives one", () => {
    const coaching: AgentStatusDefinition = {
      id: 'coaching',
      label: 'Coaching',
      kind: 'custom',
      labels: { it: 'Affiancamento' },
    };
    expect(statusLabel(italian, coaching, 'coaching', 'it')).toBe('Affiancamento');
    expect(statusLabel(japanese, coaching, 'coaching', 'ja')).toBe('Coaching');
    // A profile status with the id "break" is the profile's, not the preset: its label stays.
    expect(
      statusLabel(italian, { id: 'break', label: 'Coffee', kind: 'custom' }, 'break', 'it'),
    ).toBe('Coffee');
  });

  it('translates Available and Offline by kind, and shows an unknown id as it is', () => {
    expect(
      statusLabel(italian, { id: 'available', label: 'x', kind: 'available' }, 'available', 'it'),
    ).toBe(italian('status.available'));
    expect(statusLabel(italian, undefined, 'gone', 'it')).toBe('gone');
  });
});

describe('localizedLabel (wrap-up codes too)', () => {
  it('picks the label for the language, the plain label otherwise', () => {
    const code = { label: 'Resolved', labels: { 'zh-CN': '已解决' } };
    expect(localizedLabel(code, 'zh-CN')).toBe('已解决');
    expect(localizedLabel(code, 'it')).toBe('Resolved');
    expect(localizedLabel({ label: 'Resolved' }, 'zh-CN')).toBe('Resolved');
  });

  it('ignores names that are not languages (no prototype lookups)', () => {
    expect(localizedLabel({ label: 'Resolved', labels: {} }, 'constructor')).toBe('Resolved');
  });
});
