/** Our pages, the microphone and external links: the shell's security decisions. */
import { describe, expect, it } from 'vitest';
import {
  allowsMediaCheck,
  grantsMediaRequest,
  opensExternally,
  ownPageMatcher,
} from './pagePolicy';

const isOwn = ownPageMatcher(['app://openccp/ui/index.html', 'app://openccp/engine/index.html']);
const request = (overrides: Partial<Parameters<typeof grantsMediaRequest>[0]> = {}) => ({
  permission: 'media',
  requestingUrl: 'app://openccp/engine/index.html',
  isMainFrame: true,
  mediaTypes: ['audio'],
  ...overrides,
});

describe('ownPageMatcher', () => {
  it('matches our pages whatever their query or hash (the widget view), nothing else', () => {
    expect(isOwn('app://openccp/ui/index.html?view=widget#x')).toBe(true);
    expect(isOwn('app://openccp/ui/other.html')).toBe(false);
    expect(isOwn('https://openccp/ui/index.html')).toBe(false);
    expect(isOwn('app://evil/ui/index.html')).toBe(false);
    expect(isOwn('not a url')).toBe(false);
  });
});

describe('media permission', () => {
  it('grants the microphone to our own top frame asking for audio only', () => {
    expect(grantsMediaRequest(request(), isOwn)).toBe(true);
  });

  it('refuses video, audio with video, and a request that names nothing', () => {
    expect(grantsMediaRequest(request({ mediaTypes: ['video'] }), isOwn)).toBe(false);
    expect(grantsMediaRequest(request({ mediaTypes: ['audio', 'video'] }), isOwn)).toBe(false);
    expect(grantsMediaRequest(request({ mediaTypes: [] }), isOwn)).toBe(false);
    expect(grantsMediaRequest(request({ mediaTypes: undefined }), isOwn)).toBe(false);
  });

  it('judges the requesting frame, not the window: a subframe or a foreign frame gets nothing', () => {
    expect(grantsMediaRequest(request({ isMainFrame: false }), isOwn)).toBe(false);
    expect(grantsMediaRequest(request({ requestingUrl: 'https://ads.example/x' }), isOwn)).toBe(
      false,
    );
  });

  it('refuses every other permission to our own pages too', () => {
    expect(grantsMediaRequest(request({ permission: 'geolocation' }), isOwn)).toBe(false);
    expect(allowsMediaCheck(request({ permission: 'notifications' }), isOwn)).toBe(false);
  });

  it('a check for device names (unknown) or audio passes, one for video does not', () => {
    expect(allowsMediaCheck(request({ mediaTypes: ['unknown'] }), isOwn)).toBe(true);
    expect(allowsMediaCheck(request({ mediaTypes: undefined }), isOwn)).toBe(true);
    expect(allowsMediaCheck(request({ mediaTypes: ['video'] }), isOwn)).toBe(false);
    expect(allowsMediaCheck(request({ requestingUrl: 'https://x.example/' }), isOwn)).toBe(false);
  });
});

describe('speaker choice and HID headsets', () => {
  it('grants the speaker choice (setSinkId) to our own top frame only', () => {
    const speaker = { permission: 'speaker-selection', mediaTypes: undefined };
    expect(grantsMediaRequest(request(speaker), isOwn)).toBe(true);
    expect(allowsMediaCheck(request(speaker), isOwn)).toBe(true);
    expect(grantsMediaRequest(request({ ...speaker, isMainFrame: false }), isOwn)).toBe(false);
    const foreign = { ...speaker, requestingUrl: 'https://x.example/' };
    expect(grantsMediaRequest(request(foreign), isOwn)).toBe(false);
    expect(allowsMediaCheck(request(foreign), isOwn)).toBe(false);
  });

  it('passes the HID check for our own top frame only, and never grants it as a request', () => {
    const hid = { permission: 'hid', mediaTypes: undefined };
    expect(allowsMediaCheck(request(hid), isOwn)).toBe(true);
    expect(allowsMediaCheck(request({ ...hid, isMainFrame: false }), isOwn)).toBe(false);
    expect(allowsMediaCheck(request({ ...hid, requestingUrl: 'https://x.example/' }), isOwn)).toBe(
      false,
    );
    expect(grantsMediaRequest(request(hid), isOwn)).toBe(false);
  });
});

describe('external links', () => {
  it('the CCP opens http(s) links in the browser; other schemes never', () => {
    expect(opensExternally('ui', 'https://crm.example/case/1')).toBe(true);
    expect(opensExternally('ui', 'file:///etc/passwd')).toBe(false);
    expect(opensExternally('ui', 'javascript:alert(1)')).toBe(false);
  });

  it('the engine page opens no link at all', () => {
    expect(opensExternally('engine', 'https://crm.example/case/1')).toBe(false);
  });
});
