/*
 * WAssist bridge: the one script that knows WhatsApp Web's internal module and function names.
 *
 * It is installed as an init script (it runs at the start of every document, so a reload or navigation gets a fresh
 * copy) and is safe to evaluate again: the guard below makes a second run in the same document a no-op, so listeners
 * are never attached twice. It waits for WhatsApp Web's module system, probes every capability, reports the missing
 * ones by name, forwards login and message events to the host through the exposed function `wassistBridgeEmit`
 * (JSON strings only), and offers `window.WAssistBridge` with the operations the host calls through `evaluate`.
 *
 * When WhatsApp Web changes, this file is what changes: the module map `M`, the capability table `CAPABILITIES`,
 * and the functions using them. The imitation page in the tests implements the same surface.
 */
(() => {
  'use strict';
  if (window.top !== window || window.WAssistBridge) {
    return;
  }

  // ---- WhatsApp Web module names (facts about WhatsApp Web; see docs/whatsapp-bridge.md) ----
  const M = {
    collections: 'WAWebCollections',
    socket: 'WAWebSocketModel',
    conn: 'WAWebConnModel',
    cmd: 'WAWebCmd',
    me: 'WAWebUserPrefsMeUser',
    wid: 'WAWebWidFactory',
    msgKey: 'WAWebMsgKey',
    sendMsg: 'WAWebSendMsgChatAction',
    findChat: 'WAWebFindChatAction',
    ephemeral: 'WAWebGetEphemeralFieldsMsgActionsUtils',
    reply: 'WAWebMsgReply',
    opaque: 'WAWebMediaOpaqueData',
    prep: 'WAWebPrepRawMedia',
    mediaStorage: 'WAWebMediaStorage',
    mmsTypes: 'WAWebMmsMediaTypes',
    upload: 'WAWebMediaMmsV4Upload',
    download: 'WAWebDownloadManager',
    reaction: 'WAWebSendReactionMsgAction',
    chatState: 'WAWebChatStateBridge',
    lid: 'WAWebLidMigrationUtils',
    apiContact: 'WAWebApiContact',
    noise: 'WAWebUserPrefsInfoStore',
    signal: 'WAWebSignalStoreApi',
    multiDevice: 'WAWebUserPrefsMultiDevice',
    companion: 'WAWebCompanionRegClientUtils',
    b64: 'WABase64',
    altLink: 'WAWebAltDeviceLinkingApi',
  };

  const CHAT_STATE_FN = {
    TYPING: 'sendChatStateComposing',
    RECORDING: 'sendChatStateRecording',
    PAUSED: 'sendChatStatePaused',
  };
  const SEND_TIMEOUT_MS = 60000;
  const CIPHERTEXT_WAIT_MS = 60000;

  const emit = (kind, data) => {
    try {
      window.wassistBridgeEmit(JSON.stringify(Object.assign({ kind }, data || {})));
    } catch (e) {
      // The host is gone or not yet bound; nothing useful to do in the page.
    }
  };
  const mod = (name) => {
    try {
      return window.require(name) || undefined;
    } catch (e) {
      return undefined;
    }
  };
  const path = (name, member) => {
    let v = mod(name);
    for (const part of (member ? member.split('.') : [])) {
      v = v == null ? undefined : v[part];
    }
    return v;
  };
  const isFn = (name, member) => typeof path(name, member) === 'function';
  const exists = (name, member) => path(name, member) != null;

  // ---- Capabilities: each is a list of [module, member, kind] that must be present ----
  const CAPABILITIES = {
    receive: [[M.collections, 'Msg.on', 'fn'], [M.collections, 'Msg.get', 'fn']],
    'send-text': [[M.msgKey, 'newId', 'fn'], [M.sendMsg, 'addAndSendMsgToChat', 'fn'],
      [M.wid, 'createWid', 'fn'], [M.collections, 'Chat.get', 'fn']],
    'send-media': [[M.opaque, 'createFromData', 'fn'], [M.prep, 'prepRawMedia', 'fn'],
      [M.mediaStorage, 'getOrCreateMediaObject', 'fn'], [M.mmsTypes, 'msgToMediaType', 'fn'],
      [M.upload, 'uploadMedia', 'fn'], [M.sendMsg, 'addAndSendMsgToChat', 'fn']],
    'send-voice-note': [[M.prep, 'prepRawMedia', 'fn'], [M.upload, 'uploadMedia', 'fn'],
      [M.sendMsg, 'addAndSendMsgToChat', 'fn']],
    'download-media': [[M.download, 'downloadManager.downloadAndMaybeDecrypt', 'fn']],
    react: [[M.reaction, 'sendReactionToMsg', 'fn']],
    presence: [[M.chatState, 'sendChatStateComposing', 'fn'], [M.chatState, 'sendChatStateRecording', 'fn'],
      [M.chatState, 'sendChatStatePaused', 'fn']],
    'group-metadata': [[M.collections, 'GroupMetadata', 'obj']],
    'lid-lookup': [[M.lid, 'toPn', 'fn']],
    'login-qr': [[M.socket, 'Socket', 'obj'], [M.conn, 'Conn', 'obj'], [M.cmd, 'Cmd', 'obj'],
      [M.noise, 'waNoiseInfo.get', 'fn'], [M.signal, 'waSignalStore.getRegistrationInfo', 'fn'],
      [M.multiDevice, 'getADVSecretKey', 'fn'], [M.companion, 'DEVICE_PLATFORM', 'obj'], [M.b64, 'encodeB64', 'fn']],
    'login-pairing-code': [[M.altLink, 'setPairingType', 'fn'], [M.altLink, 'initializeAltDeviceLinking', 'fn'],
      [M.altLink, 'startAltLinkingFlow', 'fn']],
  };

  const probe = () => {
    const present = {};
    const missing = [];
    for (const [name, needs] of Object.entries(CAPABILITIES)) {
      const ok = needs.every(([m, member, kind]) => (kind === 'fn' ? isFn(m, member) : exists(m, member)));
      present[name] = ok;
      if (!ok) {
        missing.push(name);
      }
    }
    return { present, missing };
  };

  // ---- ids ----
  const str = (w) => {
    if (w == null) return null;
    if (typeof w === 'string') return w;
    if (typeof w._serialized === 'string') return w._serialized;
    if (w.user && w.server) return w.user + '@' + w.server;
    return String(w);
  };
  const createWid = (id) => path(M.wid, 'createWid')(id);
  const myIds = () => {
    const ids = [];
    for (const fn of ['getMaybeMePnUser', 'getMaybeMeLidUser']) {
      try {
        const v = isFn(M.me, fn) ? str(path(M.me, fn)()) : null;
        if (v) ids.push(v);
      } catch (e) { /* not logged in yet */ }
    }
    return ids;
  };
  const phoneFor = (jid) => {
    if (!jid) return null;
    if (jid.endsWith('@c.us')) return jid;
    if (!jid.endsWith('@lid')) return null;
    try {
      const pn = isFn(M.lid, 'toPn') ? str(path(M.lid, 'toPn')(createWid(jid))) : null;
      if (pn && pn.endsWith('@c.us')) return pn;
    } catch (e) { /* unknown mapping */ }
    try {
      const alt = isFn(M.apiContact, 'getAlternateUserWid') ? str(path(M.apiContact, 'getAlternateUserWid')(createWid(jid))) : null;
      if (alt && alt.endsWith('@c.us')) return alt;
    } catch (e) { /* unknown mapping */ }
    return null;
  };

  // ---- messages ----
  const sentByBridge = new Set();
  const rememberSent = (id) => {
    sentByBridge.add(id);
    if (sentByBridge.size > 2000) sentByBridge.delete(sentByBridge.values().next().value);
  };
  const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'ptt', 'document', 'sticker']);

  const quotedIdOf = (d, remote, me) => {
    const stanza = d.quotedStanzaID;
    if (!stanza) return null;
    const participant = str(d.quotedParticipant);
    try {
      const found = path(M.collections, 'Msg').getModelsArray()
        .find((m) => m.id && m.id.id === stanza && str(m.id.remote) === remote);
      if (found) return found.id._serialized;
    } catch (e) { /* fall through */ }
    const fromMe = participant != null && me.includes(participant);
    const group = remote.endsWith('@g.us');
    return fromMe + '_' + remote + '_' + stanza + (group && participant && !fromMe ? '_' + participant : '');
  };

  const flat = (m) => {
    const d = typeof m.serialize === 'function' ? m.serialize() : m;
    const id = m.id || d.id;
    const remote = str(id.remote);
    const me = myIds();
    const type = d.type;
    const vcards = type === 'vcard' ? [d.body] : type === 'multi_vcard' ? (d.vcardList || []).map((v) => v.vcard) : [];
    const from = str(d.from);
    const author = str(d.author) || (remote.endsWith('@g.us') ? str(id.participant) : null);
    const sender = author || (id.fromMe ? (me[0] || from) : from);
    return {
      id: id._serialized,
      fromMe: !!id.fromMe,
      chatId: remote,
      sender,
      senderPhone: phoneFor(sender),
      senderName: d.notifyName || null,
      me,
      type,
      body: MEDIA_TYPES.has(type) ? (d.caption || '') : (type === 'location' ? (d.comment || '') : (d.body || '')),
      t: d.t,
      isNewMsg: !!d.isNewMsg,
      isStatus: !!d.isStatusV3 || remote === 'status@broadcast',
      broadcast: !!d.broadcast || remote.endsWith('@broadcast') || remote.endsWith('@newsletter'),
      hasMedia: MEDIA_TYPES.has(type) && !!d.directPath,
      mimetype: d.mimetype || null,
      filename: type === 'document' ? (d.filename || null) : null,
      size: typeof d.size === 'number' ? d.size : -1,
      quotedId: quotedIdOf(d, remote, me),
      mentions: (d.mentionedJidList || []).map(str).filter((x) => x),
      lat: typeof d.lat === 'number' ? d.lat : null,
      lng: typeof d.lng === 'number' ? d.lng : null,
      loc: d.loc || null,
      vcards,
      sentByBridge: sentByBridge.has(id._serialized),
    };
  };

  const forward = (m) => {
    try {
      if (m.type === 'ciphertext') {
        holdCiphertext(m);
        return;
      }
      emit('message', { msg: flat(m) });
    } catch (e) {
      emit('error', { where: 'message', error: String(e && e.name || e) });
    }
  };
  const holdCiphertext = (m) => {
    let done = false;
    const onType = () => {
      if (done || m.type === 'ciphertext') return;
      done = true;
      m.off && m.off('change:type', onType);
      forward(m);
    };
    m.on && m.on('change:type', onType);
    setTimeout(() => {
      if (!done) {
        done = true;
        m.off && m.off('change:type', onType);
        emit('ciphertext-failed', {});
      }
    }, CIPHERTEXT_WAIT_MS);
  };

  // ---- login ----
  const socket = () => path(M.socket, 'Socket');
  const conn = () => path(M.conn, 'Conn');
  const cmd = () => path(M.cmd, 'Cmd');
  const b64 = (bytes) => path(M.b64, 'encodeB64')(bytes);
  const unpaired = (s) => s === 'UNPAIRED' || s === 'UNPAIRED_IDLE';
  let lastQr = null;
  const qrPayload = () => {
    const ref = conn().ref;
    const noise = path(M.noise, 'waNoiseInfo').get();
    const reg = path(M.signal, 'waSignalStore').getRegistrationInfo();
    const adv = path(M.multiDevice, 'getADVSecretKey')();
    const platform = path(M.companion, 'DEVICE_PLATFORM');
    return Promise.all([ref, noise, reg, adv]).then(([r, n, g, a]) =>
      r ? [r, b64(n.staticKeyPair.pubKey), b64(g.identityKeyPair.pubKey), a, platform].join(',') : null);
  };
  const emitQr = () => {
    const s = socket();
    if (!s || !unpaired(s.state)) return;
    qrPayload().then((qr) => {
      if (qr && qr !== lastQr) {
        lastQr = qr;
        emit('qr', { qr });
      }
    }, (e) => emit('error', { where: 'qr', error: String(e && e.name || e) }));
  };
  const emitState = () => {
    const s = socket();
    emit('state', { state: s.state, hasSynced: !!s.hasSynced });
  };

  // ---- operations the host calls ----
  const timeout = (promise, ms, what) => Promise.race([promise, new Promise((resolve, reject) =>
    setTimeout(() => reject(new Error(what + ' timed out')), ms))]);
  const failure = (e, retryable) => ({ ok: false, retryable, error: String(e && e.message || e).slice(0, 200) });

  const findChat = async (chatId) => {
    const wid = createWid(chatId);
    let chat = path(M.collections, 'Chat').get(wid) || path(M.collections, 'Chat').get(chatId);
    if (!chat && isFn(M.findChat, 'findOrCreateLatestChat')) {
      const r = await path(M.findChat, 'findOrCreateLatestChat')(wid);
      chat = r && (r.chat || r);
    }
    if (!chat) throw Object.assign(new Error('chat not found'), { permanent: true });
    return chat;
  };
  const ownIdFor = (chat) => {
    const me = myIds();
    const pn = me.find((x) => x.endsWith('@c.us'));
    const lid = me.find((x) => x.endsWith('@lid'));
    const chatId = str(chat.id);
    let lidMode = chatId.endsWith('@lid');
    if (chatId.endsWith('@g.us')) {
      try {
        const meta = path(M.collections, 'GroupMetadata').get(chatId) || chat.groupMetadata;
        lidMode = !!(meta && meta.isLidAddressingMode);
      } catch (e) { /* keep phone addressing */ }
    }
    return createWid((lidMode && lid) || pn || lid);
  };
  const baseMessage = async (chat, quotedMessageId) => {
    const MsgKey = mod(M.msgKey);
    const from = ownIdFor(chat);
    const group = str(chat.id).endsWith('@g.us');
    const id = new MsgKey({ from, to: chat.id, id: await MsgKey.newId(), participant: group ? from : undefined, selfDir: 'out' });
    const props = { id, ack: 0, from, to: chat.id, local: true, self: 'out', t: Math.floor(Date.now() / 1000), isNewMsg: true };
    if (isFn(M.ephemeral, 'getEphemeralFields')) Object.assign(props, path(M.ephemeral, 'getEphemeralFields')(chat));
    if (quotedMessageId) {
      const quoted = path(M.collections, 'Msg').get(quotedMessageId);
      const canReply = !isFn(M.reply, 'canReplyMsg') || (quoted && path(M.reply, 'canReplyMsg')(quoted.unsafe ? quoted.unsafe() : quoted));
      if (quoted && canReply && typeof quoted.msgContextInfo === 'function') Object.assign(props, quoted.msgContextInfo(chat));
    }
    return props;
  };
  // Every result carries the message id, also a failure's: the message is in the chat's history either way, and the
  // host records the id so that the message is never taken for an inbound one after this document is gone.
  const deliver = async (chat, props) => {
    const id = props.id._serialized || str(props.id);
    rememberSent(id);
    try {
      const [added, sent] = path(M.sendMsg, 'addAndSendMsgToChat')(chat, props);
      await timeout(added, SEND_TIMEOUT_MS, 'add');
      const result = await timeout(sent, SEND_TIMEOUT_MS, 'send');
      const code = result && (result.messageSendResult || result.status || result);
      if (code && code !== 'OK' && code !== 'SUCCESS' && typeof code === 'string') {
        return { ok: false, retryable: true, error: 'send result ' + code, id };
      }
      return { ok: true, id };
    } catch (e) {
      return Object.assign(failure(e, !(e && e.permanent)), { id });
    }
  };
  const guarded = (capability, fn) => async (...args) => {
    if (!probe().present[capability]) return { ok: false, retryable: true, error: 'capability missing: ' + capability };
    try {
      return await fn(...args);
    } catch (e) {
      return failure(e, !(e && e.permanent));
    }
  };

  const sendText = guarded('send-text', async ({ chatId, text, quotedMessageId, mentions }) => {
    const chat = await findChat(chatId);
    const props = await baseMessage(chat, quotedMessageId);
    Object.assign(props, { type: 'chat', body: text });
    if (mentions && mentions.length) props.mentionedJidList = mentions.map(createWid);
    return deliver(chat, props);
  });

  // Outbound media arrives in base64 chunks (a single evaluate argument would hold the whole file twice).
  const staged = new Map();
  let nextHandle = 1;
  const stageBegin = () => {
    const h = nextHandle++;
    staged.set(h, []);
    return h;
  };
  const stageAppend = ({ handle, data }) => {
    const bin = atob(data);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    staged.get(handle).push(bytes);
    return true;
  };
  const MEDIA_FIELDS = ['clientUrl', 'directPath', 'mediaKey', 'mediaKeyTimestamp', 'filehash', 'encFilehash',
    'uploadhash', 'size', 'streamingSidecar', 'firstFrameSidecar', 'mimetype', 'type', 'filename', 'duration',
    'width', 'height', 'waveform'];
  const sendMedia = async ({ chatId, handle, kind, mimeType, fileName, caption, quotedMessageId }) => {
    const parts = staged.get(handle) || [];
    staged.delete(handle);
    const file = new File(parts, fileName || 'file', { type: mimeType });
    const opaque = await path(M.opaque, 'createFromData')(file, mimeType);
    const prepared = path(M.prep, 'prepRawMedia')(opaque, {
      asDocument: kind === 'document', isPtt: kind === 'voice', asSticker: false, asGif: false,
    });
    const data = await prepared.waitForPrep();
    if (kind === 'voice' && data.type === 'audio') data.type = 'ptt';
    const mediaObject = path(M.mediaStorage, 'getOrCreateMediaObject')(data.filehash);
    const mediaType = path(M.mmsTypes, 'msgToMediaType')({ type: data.type, isGif: false, isNewsletter: false });
    const uploaded = await timeout(path(M.upload, 'uploadMedia')({ mimetype: data.mimetype, mediaObject, mediaType }),
      SEND_TIMEOUT_MS, 'upload');
    const entry = uploaded && uploaded.mediaEntry;
    if (!entry) return { ok: false, retryable: true, error: 'upload gave no media entry' };
    const chat = await findChat(chatId);
    const props = await baseMessage(chat, quotedMessageId);
    for (const f of MEDIA_FIELDS) if (data[f] !== undefined) props[f] = data[f];
    Object.assign(props, {
      clientUrl: entry.mmsUrl, directPath: entry.directPath, mediaKey: entry.mediaKey,
      mediaKeyTimestamp: entry.mediaKeyTimestamp, encFilehash: entry.encFilehash, uploadhash: entry.uploadHash,
      streamingSidecar: entry.sidecar,
    });
    if (kind === 'voice') props.isPtt = true;
    if (kind === 'document' && fileName) props.filename = fileName;
    if (caption && kind !== 'voice') props.caption = caption;
    return deliver(chat, props);
  };
  const sendImage = guarded('send-media', (a) => sendMedia(Object.assign({}, a, { kind: 'image' })));
  const sendDocument = guarded('send-media', (a) => sendMedia(Object.assign({}, a, { kind: 'document' })));
  const sendVoiceNote = guarded('send-voice-note', (a) => sendMedia(Object.assign({}, a, { kind: 'voice' })));

  const react = guarded('react', async ({ messageId, emoji }) => {
    const msg = path(M.collections, 'Msg').get(messageId);
    // Retryable: the target may not be loaded into the collection yet.
    if (!msg) return { ok: false, retryable: true, error: 'message to react to not found' };
    await timeout(Promise.resolve(path(M.reaction, 'sendReactionToMsg')(msg, emoji)), SEND_TIMEOUT_MS, 'react');
    return { ok: true };
  });

  const presence = guarded('presence', async ({ chatId, state }) => {
    const fn = CHAT_STATE_FN[state];
    if (!fn) return { ok: false, retryable: false, error: 'unknown presence' };
    await path(M.chatState, fn)(createWid(chatId));
    return { ok: true };
  });

  // Inbound media is handed out in chunks for the same reason. Nothing over `maxBytes` reaches the host: the size is
  // checked as soon as it is known, from the message before and after resolving it, else from the decrypted bytes.
  // WhatsApp's own download manager fetches and decrypts a whole file in the page; only media whose size the message
  // does not give is fetched before the check, and dropped at once when over.
  const downloads = new Map();
  const tooLarge = (size) => ({ ok: false, tooLarge: true, size });
  const knownSize = (msg) => (typeof msg.size === 'number' && msg.size > 0 ? msg.size : -1);
  const download = guarded('download-media', async ({ messageId, maxBytes }) => {
    const msg = path(M.collections, 'Msg').get(messageId);
    if (!msg) return { ok: false, retryable: false, error: 'message not found' };
    if (knownSize(msg) > maxBytes) return tooLarge(knownSize(msg));
    const stage = msg.mediaData && msg.mediaData.mediaStage;
    if (stage && stage !== 'RESOLVED' && typeof msg.downloadMedia === 'function') {
      await timeout(Promise.resolve(msg.downloadMedia({ downloadEvenIfExpensive: true, rmrReason: 1 })), SEND_TIMEOUT_MS, 'resolve');
    }
    if (knownSize(msg) > maxBytes) return tooLarge(knownSize(msg));
    const after = msg.mediaData && msg.mediaData.mediaStage;
    if (after && (after.includes('ERROR') || after === 'REUPLOADING' || after === 'FETCHING')) {
      return { ok: false, retryable: after !== 'ERROR_MISSING', error: 'media stage ' + after };
    }
    const buffer = await timeout(path(M.download, 'downloadManager').downloadAndMaybeDecrypt({
      directPath: msg.directPath, encFilehash: msg.encFilehash, filehash: msg.filehash, mediaKey: msg.mediaKey,
      mediaKeyTimestamp: msg.mediaKeyTimestamp, type: msg.type, signal: new AbortController().signal,
    }), SEND_TIMEOUT_MS, 'download');
    if (buffer.byteLength > maxBytes) return tooLarge(buffer.byteLength);
    const handle = nextHandle++;
    downloads.set(handle, new Uint8Array(buffer));
    return { ok: true, handle, size: buffer.byteLength };
  });
  const chunk = ({ handle, offset, length }) => {
    const bytes = downloads.get(handle).subarray(offset, offset + length);
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(bin);
  };
  const release = ({ handle }) => {
    downloads.delete(handle);
    staged.delete(handle);
    return true;
  };

  const requestPairingCode = async ({ phoneNumber }) => {
    if (!probe().present['login-pairing-code']) return { ok: false, retryable: true, error: 'capability missing: login-pairing-code' };
    const api = mod(M.altLink);
    await api.setPairingType('ALT_DEVICE_LINKING');
    await api.initializeAltDeviceLinking();
    const code = await api.startAltLinkingFlow(phoneNumber, true);
    return { ok: true, code };
  };

  // One page of the catch-up after a restart, reconnect or full inbound buffer: the messages already in the page from
  // `sinceSeconds` on, oldest first, at most `limit`. `skip` lists the ids at exactly `sinceSeconds` that an earlier
  // page returned, so the host pages on from the last message's time without losing or repeating any.
  const recent = ({ sinceSeconds, skip, limit }) => {
    const done = new Set(skip || []);
    return path(M.collections, 'Msg').getModelsArray()
      .filter((m) => m.t >= sinceSeconds && m.type !== 'ciphertext' && !(m.t === sinceSeconds && done.has(str(m.id))))
      .sort((a, b) => a.t - b.t)
      .slice(0, limit)
      .map(flat);
  };

  const takeover = () => {
    const s = socket();
    if (s && typeof s.takeover === 'function') s.takeover();
    return true;
  };

  const status = () => {
    const s = socket();
    return { version: window.Debug && window.Debug.VERSION, state: s && s.state, hasSynced: !!(s && s.hasSynced), capabilities: probe() };
  };

  // ---- attach once the module system is up ----
  const attach = () => {
    const caps = probe();
    emit('hello', { version: String(window.Debug.VERSION), missing: caps.missing, present: caps.present });
    if (caps.present.receive) {
      path(M.collections, 'Msg').on('add', (m) => {
        if (m && m.isNewMsg) forward(m);
      });
    }
    const s = socket();
    if (s) {
      s.on('change:state', () => {
        emitState();
        if (s.state === 'UNPAIRED_IDLE' && cmd() && typeof cmd().refreshQR === 'function') cmd().refreshQR();
        emitQr();
      });
      s.on('change:hasSynced', emitState);
      emitState();
    }
    if (conn()) conn().on('change:ref', emitQr);
    if (cmd()) {
      for (const ev of ['logout', 'logout_from_bridge']) cmd().on(ev, () => emit('logout', { reason: ev }));
    }
    emitQr();
  };
  // WhatsApp Web defines its modules lazily: wait for the version and the socket module, but attach after
  // MODULE_WAIT_MS even without the socket so that the host learns which capabilities are missing.
  const MODULE_WAIT_MS = 30000;
  const bootStarted = Date.now();
  const loaded = () => !!(window.Debug && window.Debug.VERSION && typeof window.require === 'function');
  const boot = () => {
    if (loaded() && (mod(M.socket) || Date.now() - bootStarted > MODULE_WAIT_MS)) {
      attach();
    } else {
      setTimeout(boot, 200);
    }
  };

  Object.defineProperty(window, 'WAssistBridge', {
    value: Object.freeze({
      probe, status, sendText, sendImage, sendDocument, sendVoiceNote, react, presence, download, chunk, release,
      stageBegin, stageAppend, requestPairingCode, recent, takeover,
    }),
    configurable: false,
    writable: false,
  });
  boot();
})();
