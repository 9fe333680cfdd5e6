/**
 * The one IPC contract between the main process and its renderers, split by concern.
 *
 * Every channel name and every payload shape lives here and nowhere else. Main validates each
 * payload coming from a renderer against these schemas (renderers are untrusted: the engine
 * page parses data from the network, the UI page renders caller-controlled text), and the
 * renderers get TypeScript types derived from the same schemas, so the two sides cannot drift.
 */
export * from './primitives';
export * from './audioDevices';
export * from './desktopPreferences';
export * from './deskPhone';
export * from './displayText';
export * from './signIn';
export * from './contactEndCode';
export * from './chatAttachment';
export * from './deskState';
export * from './contact';
export * from './lineState';
export * from './quickConnect';
export * from './recentContacts';
export * from './uiApi';
export * from './engineProtocol';
export * from './hidProtocol';
export * from './recording';
export * from './monitoring';
export * from './microphoneLevel';
export * from './presence';
export * from './updates';
