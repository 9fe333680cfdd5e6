/**
 * Chat over SIP MESSAGE through a real Kamailio (E1-E3): a JsSIP customer page and a plain SIP
 * sender (hand-written UDP MESSAGEs, as an SMS gateway sends them) reach the agent as chat
 * offers; the held first MESSAGE is answered on accept or after the ring time; replies and
 * typing go both ways; hostile markup shows as text; a chat ends into ACW and its transcript
 * is in the history's CSV.
 */
import dgram from 'node:dgram';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { setStatus, signIn, signOutAndClose } from './agentSession';
import { expect, test, TONES, type TestNetwork } from './fixtures';
import { startHarnessApp, type HarnessApp } from './harness/HarnessApp';
import { TestPhone } from './harness/TestPhone';
import { captureScreen } from './support/accessibility';
import { QUEUE_SALES_URI } from './support/kamailio';
import { messageText, newInviteIds, statusLineOf } from './support/rawSipCaller';

/** An agent whose profile gives two chat slots, signed in and Available. */
async function chatAgent(
  network: TestNetwork,
  browser: Parameters<typeof startHarnessApp>[0]['browser'],
  routing: Record<string, unknown> = { chatSlots: 2 },
  user: 'agent1' | 'agent2' = 'agent1',
): Promise<HarnessApp> {
  const file = join(mkdtempSync(join(tmpdir(), 'openccp-chat-')), 'profile.json');
  writeFileSync(file, JSON.stringify({ schemaVersion: 1, servers: [network.wsUrl], routing }));
  const app = await startHarnessApp({ browser, origin: network.origin, toneHz: TONES.agent });
  await app.ui.getByTestId('profile-location').fill(file);
  await app.ui.getByTestId('profile-load').click();
  await expect(app.ui.getByTestId('profile-result')).toHaveAttribute('data-ok', 'true');
  await signIn(app, network, user);
  await setStatus(app.ui, 'available', 'registered');
  return app;
}

/** One MESSAGE from a plain UDP sender; resolves with its final status code. */
async function plainMessage(
  network: TestNetwork,
  text: string,
  to: string = network.uri('agent1'),
  body?: Parameters<typeof messageText>[4],
): Promise<number> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind({ address: '127.0.0.1', port: 0 }, resolve));
  const invite = {
    sipPort: network.sipPort,
    to,
    displayName: 'SMS gateway',
    fromUri: 'sip:+15550100@sms.example',
  };
  const ids = newInviteIds();
  const final = new Promise<number>((resolve) => {
    socket.on('message', (message) => {
      const status = Number(statusLineOf(message.toString('utf8'))?.split(' ')[1]);
      if (status >= 200) resolve(status);
    });
  });
  socket.send(
    messageText(invite, socket.address().port, ids, text, body),
    network.sipPort,
    '127.0.0.1',
  );
  const status = await final;
  socket.close();
  return status;
}

const lines = (ui: Page) => ui.getByTestId('chat-line');

test('a JsSIP customer’s chat: offer with the bot line marked, accept, replies in order, typing both ways, hostile markup inert, ACW, CSV', async ({
  browser,
  network,
}) => {
  test.setTimeout(90_000);
  const agent = await chatAgent(network, browser);
  const { ui } = agent;
  const context = await browser.newContext();
  const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
  await customer.signIn(network.account('customer1'));
  const conversation = { 'X-Conversation-Id': 'conv-42' };
  const agentUri = network.uri('agent1');

  await customer.command({
    type: 'chat-send',
    sendId: 's1',
    target: agentUri,
    text: 'My parcel has not arrived',
    headers: conversation,
  });
  await customer.command({
    type: 'chat-send',
    sendId: 's2',
    target: agentUri,
    text: 'I am connecting you to an agent.',
    headers: { ...conversation, 'X-Chat-Role': 'bot' },
  });
  const panel = ui.getByTestId('chat-panel');
  await expect(panel).toHaveAttribute('data-state', 'incoming');
  await expect(lines(ui)).toHaveCount(2);
  await expect(lines(ui).nth(0)).toHaveAttribute('data-before-accept', 'true');
  await expect(lines(ui).nth(1)).toHaveAttribute('data-role', 'bot');
  // The bot's line was taken at once; the first MESSAGE waits for the agent.
  await customer.waitFor('chat-sent', (event) => event.sendId === 's2' && event.delivered);
  expect((await customer.events()).some((e) => e.type === 'chat-sent' && e.sendId === 's1')).toBe(
    false,
  );
  await captureScreen(ui, '40-chat-offer');

  await ui.getByTestId('chat-accept').click();
  await expect(panel).toHaveAttribute('data-state', 'connected');
  await customer.waitFor('chat-sent', (event) => event.sendId === 's1' && event.delivered);
  await expect(ui.getByTestId('chat-tab')).toHaveAttribute('data-state', 'connected');

  // Typing: the agent's reaches the customer as isComposing, the customer's shows to the agent.
  await ui.getByTestId('chat-input').fill('Let me **check** that');
  await customer.waitFor('chat-typing', (event) => event.active);
  await customer.command({ type: 'chat-typing', target: agentUri, active: true });
  await expect(ui.getByTestId('chat-typing')).toBeVisible();

  await ui.getByTestId('chat-preview-toggle').click();
  await expect(ui.getByTestId('chat-preview').locator('strong')).toHaveText('check');
  await ui.getByTestId('chat-send').click();
  await ui.getByTestId('chat-input').fill('- order _A1_\n- order [B2](https://shop.example/b2)');
  await ui.getByTestId('chat-send').click();
  const first = await customer.waitFor('chat-message', (e) => e.text === 'Let me **check** that');
  const second = await customer.waitFor('chat-message', (e) => e.text.startsWith('- order _A1_'));
  expect(Number(first.messageId.slice(4))).toBeLessThan(Number(second.messageId.slice(4)));
  expect(first.headers['x-conversation-id']).toBe('conv-42');
  for (const { messageId } of [first, second])
    await customer.command({ type: 'chat-answer', messageId, status: 200 });
  await expect(lines(ui).nth(3)).toHaveAttribute('data-delivery', 'delivered');
  await expect(lines(ui).nth(2)).toHaveAttribute('data-delivery', 'delivered');

  // Hostile markup from the customer: shown as text, no element, no script, no navigation.
  await ui.evaluate(() => {
    (window as unknown as { __pwned?: boolean }).__pwned = false;
  });
  await customer.command({
    type: 'chat-send',
    sendId: 's3',
    target: agentUri,
    text: 'look <img src=x onerror="window.__pwned=true"> and [this](javascript:window.__pwned=true)',
    headers: conversation,
  });
  const hostile = lines(ui).nth(4);
  await expect(hostile).toContainText('<img src=x onerror="window.__pwned=true">');
  await expect(hostile.locator('img')).toHaveCount(0);
  await expect(hostile.locator('a')).toHaveCount(0);
  await hostile.getByText('this').click();
  expect(await ui.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBe(false);
  expect(agent.shell.openedLinks).toEqual([]);
  await expect(ui.getByTestId('chat-typing')).toHaveCount(0);
  // A real link opens through main, in the browser.
  await lines(ui).nth(3).getByRole('link', { name: 'B2' }).click();
  await expect.poll(() => agent.shell.openedLinks).toEqual(['https://shop.example/b2']);
  await captureScreen(ui, '41-chat-transcript');

  await ui.getByTestId('chat-end').click();
  await expect(panel).toHaveAttribute('data-state', 'acw');
  await expect(ui.getByTestId('chat-acw-time')).toBeVisible();
  await captureScreen(ui, '42-chat-acw');
  await ui.getByTestId('clear-contact').click();
  await expect(ui.getByTestId('contact-tabs')).toHaveCount(0);

  await ui.getByTestId('export-history').click();
  const exported = ui.getByTestId('export-result');
  await expect(exported).toHaveAttribute('data-file', /.+\.csv$/);
  const csv = readFileSync((await exported.getAttribute('data-file'))!, 'utf8');
  expect(csv).toContain('chat');
  expect(csv).toContain('conv-42');
  expect(csv).toMatch(/customer: My parcel has not arrived[\s\S]*bot: I am connecting you/);
  expect(csv).toMatch(/agent: Let me \*\*check\*\* that[\s\S]*agent: - order _A1_/);
  await context.close();
  await signOutAndClose(agent);
});

test('a plain SIP MESSAGE becomes an offer; unanswered, the sender gets 480 after the ring time and the tab stays missed until cleared', async ({
  browser,
  network,
}) => {
  test.setTimeout(90_000);
  const agent = await chatAgent(network, browser);
  const { ui } = agent;
  const final = plainMessage(network, 'Hi, is the shop open on Sunday?');
  await expect(ui.getByTestId('chat-panel')).toHaveAttribute('data-state', 'incoming');
  await expect(lines(ui).first()).toContainText('Hi, is the shop open on Sunday?');
  await expect(ui.getByTestId('chat-tab')).toContainText('SMS gateway');
  expect(await final).toBe(480);
  await expect(ui.getByTestId('chat-tab')).toHaveAttribute('data-state', 'missed');
  await captureScreen(ui, '43-chat-missed');
  await ui.getByTestId('clear-contact').click();
  await expect(ui.getByTestId('contact-tabs')).toHaveCount(0);
  await signOutAndClose(agent);
});

test('two chats and a call at once with voiceWithChat: three tabs, arrow keys move between them', async ({
  browser,
  network,
}) => {
  test.setTimeout(90_000);
  const agent = await chatAgent(network, browser, { chatSlots: 2, voiceWithChat: true });
  const { ui } = agent;
  const context = await browser.newContext();
  const a = await TestPhone.open(context, network.engineUrl, TONES.customer);
  await a.signIn(network.account('customer1'));
  const b = await TestPhone.open(context, network.engineUrl, TONES.third);
  await b.signIn(network.account('customer2'));
  const agentUri = network.uri('agent1');
  await a.command({ type: 'chat-send', sendId: 'a1', target: agentUri, text: 'first chat' });
  await ui.getByTestId('chat-accept').click();
  await b.command({ type: 'chat-send', sendId: 'b1', target: agentUri, text: 'second chat' });
  await expect(ui.getByTestId('chat-tab')).toHaveCount(2);
  await ui.getByTestId('chat-accept').click();
  await expect(ui.getByTestId('chat-tab').nth(1)).toHaveAttribute('data-state', 'connected');

  const callId = await a.call(agentUri);
  await expect(ui.getByTestId('tab-voice')).toBeVisible();
  await ui.getByTestId('tab-voice').click();
  await ui.getByTestId('accept').click();
  await a.waitFor('confirmed', (event) => event.callId === callId);
  await expect(ui.getByTestId('contact-view')).toHaveAttribute('data-state', 'connected');
  await captureScreen(ui, '44-chat-tabs');

  // Keyboard: from the voice tab, Right moves to the first chat, End to the last, Home back.
  await ui.getByTestId('tab-voice').focus();
  await ui.keyboard.press('ArrowRight');
  await expect(ui.getByTestId('chat-tab').nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(ui.getByTestId('chat-transcript')).toContainText('first chat');
  await ui.keyboard.press('End');
  await expect(ui.getByTestId('chat-tab').nth(1)).toBeFocused();
  await expect(ui.getByTestId('chat-transcript')).toContainText('second chat');
  await ui.keyboard.press('Home');
  await expect(ui.getByTestId('tab-voice')).toHaveAttribute('aria-selected', 'true');
  await ui.getByTestId('end-call').click();
  await ui.getByTestId('clear-contact').click();
  for (let i = 0; i < 2; i += 1) {
    await ui.getByTestId('chat-tab').first().click();
    await ui.getByTestId('chat-end').click();
    await ui.getByTestId('clear-contact').click();
  }
  await expect(ui.getByTestId('contact-tabs')).toHaveCount(0);
  await context.close();
  await signOutAndClose(agent);
});

test('a MESSAGE to a queue hunts like a call: the first agent lets it ring out (missed tab stays), the second accepts, the sender gets 200', async ({
  browser,
  network,
}) => {
  // Two agents' ring times (20 s each, the profile default) in a row, with room to spare.
  test.setTimeout(120_000);
  const first = await chatAgent(network, browser, { chatSlots: 1 }, 'agent1');
  const second = await chatAgent(network, browser, { chatSlots: 1 }, 'agent2');
  const final = plainMessage(network, 'Do you ship to Norway?', QUEUE_SALES_URI);

  // The queue offers agent1 first (members are tried in order) and stamps its name.
  const firstPanel = first.ui.getByTestId('chat-panel');
  await expect(firstPanel).toHaveAttribute('data-state', 'incoming');
  await expect(firstPanel).toContainText('Sales');
  await expect(second.ui.getByTestId('chat-panel')).toHaveCount(0);

  // Nobody at agent1 answers: after its ring time the app answers 480, the tab stays missed,
  // and only then does the proxy offer the chat to agent2.
  await expect(first.ui.getByTestId('chat-tab')).toHaveAttribute('data-state', 'missed', {
    timeout: 30_000,
  });
  const secondPanel = second.ui.getByTestId('chat-panel');
  await expect(secondPanel).toHaveAttribute('data-state', 'incoming');
  await expect(lines(second.ui).first()).toContainText('Do you ship to Norway?');
  await second.ui.getByTestId('chat-accept').click();
  await expect(secondPanel).toHaveAttribute('data-state', 'connected');
  expect(await final).toBe(200);

  await captureScreen(first.ui, '45-chat-queue-missed');
  await expect(first.ui.getByTestId('chat-tab')).toHaveAttribute('data-state', 'missed');
  await first.ui.getByTestId('clear-contact').click();
  await expect(first.ui.getByTestId('contact-tabs')).toHaveCount(0);
  await second.ui.getByTestId('chat-end').click();
  await second.ui.getByTestId('clear-contact').click();
  await signOutAndClose(first);
  await signOutAndClose(second);
});

/** A 16 x 16 checkered PNG (94 bytes). */
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAJUlEQVR4nGP4sEABjhQSDsARLnGGQaiBGEXI4oNRwyAM1pEYDwD8wXgQp6u/dQAAAABJRU5ErkJggg==';

test('chat files: an oversized file is refused before sending, a small image reaches the customer, the customer’s image shows, a received HTML file is a download only', async ({
  browser,
  network,
}) => {
  test.setTimeout(90_000);
  const agent = await chatAgent(network, browser, {
    chatSlots: 1,
    chatAttachments: { maxBytes: 2000, types: ['image/png', 'application/pdf'] },
  });
  const { ui } = agent;
  const context = await browser.newContext();
  const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
  await customer.signIn(network.account('customer1'));
  const agentUri = network.uri('agent1');
  const conversation = { 'X-Conversation-Id': 'conv-files' };
  await customer.command({
    type: 'chat-send',
    sendId: 'f1',
    target: agentUri,
    text: 'Here is a photo of the damage',
    headers: conversation,
  });
  await ui.getByTestId('chat-accept').click();
  await expect(ui.getByTestId('chat-panel')).toHaveAttribute('data-state', 'connected');

  // Over the profile's 2000 bytes: refused in plain words before anything is sent.
  const picker = ui.getByTestId('chat-attach-input');
  await picker.setInputFiles({
    name: 'scan.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(5000, 1),
  });
  await expect(ui.getByTestId('chat-attach-error')).toContainText('scan.pdf');
  await expect(ui.getByTestId('chat-attach-error')).toContainText('too large');
  await expect(ui.getByTestId('chat-attachment-preview')).toHaveCount(0);
  // A type the profile does not list: refused too.
  await picker.setInputFiles({
    name: 'notes.html',
    mimeType: 'text/html',
    buffer: Buffer.from('<b>x</b>'),
  });
  await expect(ui.getByTestId('chat-attach-error')).toContainText('text/html');

  // A small image: previewed, then sent as one MESSAGE with the PNG's own type.
  await picker.setInputFiles({
    name: 'checker.png',
    mimeType: 'image/png',
    buffer: Buffer.from(PNG_BASE64, 'base64'),
  });
  const preview = ui.getByTestId('chat-attachment-preview');
  await expect(preview.getByTestId('chat-attachment-image')).toBeVisible();
  await expect(ui.getByTestId('chat-attach-error')).toHaveCount(0);
  await captureScreen(ui, '46-chat-file-preview');
  await ui.getByTestId('chat-send-file').click();
  const sent = await customer.waitFor('chat-message', (e) => e.attachment !== undefined);
  expect(sent.attachment).toEqual({
    name: 'checker.png',
    type: 'image/png',
    size: 94,
    data: PNG_BASE64,
  });
  expect(sent.headers['x-conversation-id']).toBe('conv-files');
  await customer.command({ type: 'chat-answer', messageId: sent.messageId, status: 200 });
  await expect(lines(ui).nth(1)).toHaveAttribute('data-delivery', 'delivered');
  // Only the small image went out: the refused files never reached the customer.
  const received = (await customer.events()).filter((e) => e.type === 'chat-message');
  expect(received).toHaveLength(1);

  // The customer's image shows as an image, decoded (the CSP allows data: images).
  await customer.command({
    type: 'chat-send-file',
    sendId: 'f2',
    target: agentUri,
    attachment: { name: 'receipt.png', type: 'image/png', size: 94, data: PNG_BASE64 },
    headers: conversation,
  });
  const image = lines(ui).nth(2).getByTestId('chat-attachment-image');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(16);
  await customer.waitFor('chat-sent', (e) => e.sendId === 'f2' && e.delivered);

  // An HTML file from a plain SIP client in the same conversation: a download, never rendered.
  await ui.evaluate(() => {
    (window as unknown as { __pwned?: boolean }).__pwned = false;
  });
  const html = '<script>window.__pwned=true</script><img src=x onerror="window.__pwned=true">';
  const status = await plainMessage(network, Buffer.from(html).toString('base64'), agentUri, {
    contentType: 'text/html',
    headers: [
      'X-Conversation-Id: conv-files',
      'Content-Disposition: attachment; filename="page.html"',
      'Content-Transfer-Encoding: base64',
    ],
  });
  expect(status).toBe(200);
  const htmlLine = lines(ui).nth(3);
  const download = htmlLine.getByTestId('chat-attachment-download');
  await expect(download).toContainText('page.html');
  await expect(download).toHaveAttribute('download', 'page.html');
  await expect(download).toHaveAttribute('href', /^data:application\/octet-stream;base64,/);
  await expect(htmlLine.locator('img, iframe, script, object, embed')).toHaveCount(0);
  expect(await ui.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBe(false);
  await captureScreen(ui, '47-chat-files');

  await ui.getByTestId('chat-end').click();
  await ui.getByTestId('clear-contact').click();
  await context.close();
  await signOutAndClose(agent);
});

test('the compact widget counts open chats and accepts a chat offer from the mini window', async ({
  browser,
  network,
}) => {
  test.setTimeout(90_000);
  const agent = await chatAgent(network, browser);
  agent.shell.closeCcp();
  agent.shell.chooseTrayItem('showWidget');
  await expect.poll(() => agent.widget !== undefined).toBe(true);
  const widget = agent.widget;
  if (!widget) throw new Error('no widget page');
  await widget.setViewportSize({ width: 300, height: 320 });
  await expect(widget.getByTestId('widget-chats')).toHaveCount(0);

  const context = await browser.newContext();
  const customer = await TestPhone.open(context, network.engineUrl, TONES.customer);
  await customer.signIn(network.account('customer1'));
  await customer.command({
    type: 'chat-send',
    sendId: 'w1',
    target: network.uri('agent1'),
    text: 'Hello from the widget test',
  });
  const offer = widget.getByTestId('widget-chat-offer');
  await expect(offer).toContainText('customer1');
  await expect(widget.getByTestId('widget-chat-count')).toHaveAttribute('data-count', '1');
  await captureScreen(widget, '48-widget-chat-offer');

  await offer.getByTestId('widget-chat-accept').click();
  // The first MESSAGE's held transaction ends 200: the same accept as in the CCP window.
  await customer.waitFor('chat-sent', (event) => event.sendId === 'w1' && event.delivered);
  await expect(offer).toHaveCount(0);
  await expect(widget.getByTestId('widget-chat-count')).toHaveAttribute('data-count', '1');
  expect(agent.main.desk.snapshot().chats[0]?.state).toBe('connected');

  agent.shell.chooseTrayItem('showCcp');
  await expect(agent.ui.getByTestId('chat-panel')).toHaveAttribute('data-state', 'connected');
  await agent.ui.getByTestId('chat-end').click();
  await agent.ui.getByTestId('clear-contact').click();
  await expect(widget.getByTestId('widget-chats')).toHaveCount(0);
  await context.close();
  await signOutAndClose(agent);
});
