/*
 * An imitation of the WhatsApp Web module surface the bridge's injected script uses: window.require with the same
 * module names, a Msg collection with events, a socket with login states, a QR ref, pairing codes, and send/download
 * functions that record their calls. It is driven by the test's HTTP server: the page polls /fake/commands and posts
 * every recorded call to /fake/calls. The linked state and message history live in localStorage, i.e. in the
 * browser profile, like the real session.
 *
 * URL parameters: missing=<module>,<module> leaves modules out; version=<v> sets Debug.VERSION.
 * Every recorded call carries the page's time, `at` (ms since the epoch).
 */
(() => {
  'use strict';
  const params = new URLSearchParams(location.search);
  const missing = new Set((params.get('missing') || '').split(',').filter(Boolean));
  const VERSION = params.get('version') || '2.3000.1012345678-imitation';
  const LS_SESSION = 'fakewa.session';
  const LS_HISTORY = 'fakewa.history';
  const LS_OFFLINE = 'fakewa.offline';
  const LS_LIDS = 'fakewa.lids';
  const ME_PN = '15550001234@c.us';
  const ME_LID = '99990001234@lid';

  const record = (fn, data) =>
    fetch('/fake/calls', { method: 'POST', body: JSON.stringify(Object.assign({ fn, at: Date.now() }, data || {})) });
  window.addEventListener('error', (e) => record('page-error', { message: String(e.message) }));
  window.addEventListener('unhandledrejection', (e) => record('page-error', { message: String(e.reason) }));
  const load = (key, fallback) => JSON.parse(localStorage.getItem(key) || JSON.stringify(fallback));
  const save = (key, value) => localStorage.setItem(key, JSON.stringify(value));

  class Evented {
    constructor() { Object.defineProperty(this, '_l', { value: {}, enumerable: false }); }
    on(events, cb) { for (const e of events.split(' ')) (this._l[e] = this._l[e] || []).push(cb); }
    off(events, cb) { for (const e of events.split(' ')) this._l[e] = (this._l[e] || []).filter((x) => x !== cb); }
    trigger(e, ...args) { (this._l[e] || []).slice().forEach((cb) => cb(...args)); }
  }
  class Model extends Evented {
    constructor(attrs) { super(); Object.assign(this, attrs); }
    set(key, value) { this[key] = value; this.trigger('change:' + key, this, value); }
    serialize() { return Object.assign({}, this); }
  }
  class Wid {
    constructor(id) { this._serialized = id; const at = id.indexOf('@'); this.user = id.slice(0, at); this.server = id.slice(at + 1); }
    toString() { return this._serialized; }
  }
  const widStr = (w) => (w == null ? null : typeof w === 'string' ? w : w._serialized);
  class Collection extends Evented {
    constructor() { super(); this.models = new Map(); }
    get(id) { return this.models.get(widStr(id)); }
    getModelsArray() { return [...this.models.values()]; }
    add(model) { this.models.set(widStr(model.id), model); this.trigger('add', model); return model; }
  }

  // ---- messages ----
  const Msg = new Collection();
  const Chat = new Collection();
  const GroupMetadata = new Collection();
  const mediaBytes = new Map();
  const failures = {};
  const shouldFail = (fn) => {
    if (failures[fn] > 0) { failures[fn]--; return true; }
    return false;
  };
  // Slow sends: the next `times` sends resolve after `ms`, and record `<fn>-done` (delivered to the test) first.
  const slow = {};
  const slowly = (fn, chat, result) => {
    const s = slow[fn];
    if (!s || s.times <= 0) return Promise.resolve(result);
    s.times--;
    return new Promise((resolve) => setTimeout(resolve, s.ms))
      .then(() => record(fn + '-done', { chat }))
      .then(() => result);
  };

  const msgModel = (raw, isNewMsg) => {
    const m = new Model(Object.assign({}, raw, { isNewMsg }));
    delete m.mediaB64;
    m.id = Object.assign({}, raw.id);
    m.mediaData = { mediaStage: raw.mediaStage || (raw.directPath ? 'RESOLVED' : undefined) };
    m.msgContextInfo = function () {
      return { quotedMsg: { type: this.type, body: this.body }, quotedStanzaID: this.id.id, quotedParticipant: this.author || this.from };
    };
    // Resolving may tell a size the message did not have (`sizeOnResolve`).
    m.downloadMedia = async () => {
      record('downloadMedia', { directPath: raw.directPath });
      if (raw.sizeOnResolve) m.size = raw.sizeOnResolve;
      m.mediaData.mediaStage = 'RESOLVED';
    };
    if (raw.mediaB64) {
      const bin = atob(raw.mediaB64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      mediaBytes.set(raw.directPath, bytes);
    }
    return m;
  };
  const chatFor = (id) => {
    let chat = Chat.get(id);
    if (!chat) {
      chat = new Model({ id: new Wid(id) });
      Chat.models.set(id, chat);
    }
    return chat;
  };
  const receive = (raw, isNewMsg, remember) => {
    chatFor(raw.id.remote);
    if (remember) {
      const history = load(LS_HISTORY, []);
      history.push(raw);
      save(LS_HISTORY, history);
    }
    const m = msgModel(raw, isNewMsg);
    Msg.add(m);
    if (raw.type === 'ciphertext' && raw.resolvesTo) {
      setTimeout(() => m.set('type', raw.resolvesTo), 200);
    }
    return m;
  };

  // ---- session ----
  const Socket = new Model({ state: 'OPENING', hasSynced: false });
  Socket.takeover = () => { record('takeover'); setState('CONNECTED'); };
  const Conn = new Model({ ref: null, platform: 'web' });
  const Cmd = new Evented();
  Cmd.refreshQR = () => { record('refreshQR'); rotate(); };
  let rotation = 0;
  const rotate = () => { rotation++; Conn.set('ref', 'ref-' + rotation); };
  const setState = (s) => Socket.set('state', s);
  const paired = () => !!load(LS_SESSION, null);

  const connect = () => {
    setState('OPENING');
    setTimeout(() => {
      setState('CONNECTED');
      setTimeout(() => {
        for (const raw of load(LS_HISTORY, [])) {
          if (!Msg.get(raw.id._serialized)) receive(raw, false, false);
        }
        Socket.set('hasSynced', true);
        const offline = load(LS_OFFLINE, []);
        save(LS_OFFLINE, []);
        for (const raw of offline) receive(raw, true, true);
      }, 50);
    }, 50);
  };
  const link = () => {
    setState('PAIRING');
    setTimeout(() => { save(LS_SESSION, { me: ME_PN }); connect(); }, 50);
  };
  const logout = () => {
    localStorage.removeItem(LS_SESSION);
    Cmd.trigger('logout');
    setTimeout(() => {
      const u = new URL(location.href);
      u.searchParams.set('post_logout', '1');
      location.href = u.toString();
    }, 50);
  };

  // ---- modules ----
  const toBytes = async (file) => new Uint8Array(await file.arrayBuffer());
  const hex = async (bytes) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
    .map((b) => b.toString(16).padStart(2, '0')).join('');
  const modules = {
    WAWebCollections: { Msg, Chat, GroupMetadata },
    WAWebSocketModel: { Socket },
    WAWebConnModel: { Conn },
    WAWebCmd: { Cmd },
    WAWebUserPrefsMeUser: {
      getMaybeMePnUser: () => (paired() ? new Wid(ME_PN) : null),
      getMaybeMeLidUser: () => (paired() ? new Wid(ME_LID) : null),
    },
    WAWebWidFactory: { createWid: (id) => new Wid(widStr(id)) },
    WAWebMsgKey: Object.assign(function MsgKey({ from, to, id, participant }) {
      this.fromMe = true;
      this.remote = to;
      this.id = id;
      this.participant = participant;
      this._serialized = 'true_' + widStr(to) + '_' + id;
    }, { newId: async () => 'BRIDGE' + Math.random().toString(16).slice(2, 12).toUpperCase() }),
    WAWebSendMsgChatAction: {
      addAndSendMsgToChat: (chat, props) => {
        const summary = {
          chat: widStr(chat.id), type: props.type, body: props.body, caption: props.caption, isPtt: !!props.isPtt,
          filename: props.filename, mimetype: props.mimetype, from: widStr(props.from),
          quotedStanzaID: props.quotedStanzaID || null,
          mentions: (props.mentionedJidList || []).map(widStr), directPath: props.directPath || null,
        };
        if (shouldFail('addAndSendMsgToChat')) {
          record('addAndSendMsgToChat', Object.assign({ failed: true }, summary));
          return [Promise.resolve(), Promise.resolve({ messageSendResult: 'ERROR_NETWORK' })];
        }
        record('addAndSendMsgToChat', summary);
        const raw = Object.assign({}, props, {
          id: { fromMe: true, remote: widStr(chat.id), id: props.id.id, _serialized: props.id._serialized },
          from: widStr(props.from), to: widStr(chat.id), mentionedJidList: summary.mentions,
        });
        const added = receive(raw, true, true);
        return [Promise.resolve(added), slowly('addAndSendMsgToChat', summary.chat, { messageSendResult: 'OK' })];
      },
    },
    WAWebFindChatAction: { findOrCreateLatestChat: async (wid) => ({ chat: chatFor(widStr(wid)) }) },
    WAWebGetEphemeralFieldsMsgActionsUtils: { getEphemeralFields: () => ({}) },
    WAWebMsgReply: { canReplyMsg: () => true },
    WAWebMediaOpaqueData: {
      createFromData: async (file, mimetype) => {
        const bytes = await toBytes(file);
        return { bytes, mimetype, name: file.name, sha256: await hex(bytes) };
      },
    },
    WAWebPrepRawMedia: {
      prepRawMedia: (opaque, opts) => {
        record('prepRawMedia', { isPtt: !!opts.isPtt, asDocument: !!opts.asDocument, mimetype: opaque.mimetype });
        const type = opts.asDocument ? 'document' : opaque.mimetype.startsWith('image/') ? 'image'
          : opaque.mimetype.startsWith('audio/') ? 'audio' : 'document';
        return {
          waitForPrep: async () => ({
            type, mimetype: opaque.mimetype, filehash: opaque.sha256, size: opaque.bytes.length,
            filename: opts.asDocument ? opaque.name : undefined, _bytes: opaque.bytes, _sha: opaque.sha256,
          }),
        };
      },
    },
    WAWebMediaStorage: { getOrCreateMediaObject: (hash) => ({ filehash: hash }) },
    WAWebMmsMediaTypes: { msgToMediaType: ({ type }) => type },
    WAWebMediaMmsV4Upload: {
      uploadMedia: async ({ mimetype, mediaObject, mediaType }) => {
        record('uploadMedia', { mimetype, mediaType, sha256: mediaObject.filehash });
        return {
          mediaEntry: {
            mmsUrl: 'https://mmg.imitation/' + mediaObject.filehash, directPath: '/imitation/' + mediaObject.filehash,
            mediaKey: 'key', mediaKeyTimestamp: 1, encFilehash: 'enc', uploadHash: 'up', sidecar: null,
          },
        };
      },
    },
    WAWebDownloadManager: {
      downloadManager: {
        downloadAndMaybeDecrypt: async ({ directPath }) => {
          record('downloadAndMaybeDecrypt', { directPath });
          const bytes = mediaBytes.get(directPath);
          if (!bytes) throw new Error('404');
          return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
        },
      },
    },
    WAWebSendReactionMsgAction: {
      sendReactionToMsg: async (msg, emoji) => record('sendReactionToMsg', { msgId: msg.id._serialized, emoji }),
    },
    WAWebChatStateBridge: {
      sendChatStateComposing: async (wid) => record('sendChatStateComposing', { chat: widStr(wid) }),
      sendChatStateRecording: async (wid) => record('sendChatStateRecording', { chat: widStr(wid) }),
      sendChatStatePaused: async (wid) => record('sendChatStatePaused', { chat: widStr(wid) }),
    },
    WAWebLidMigrationUtils: {
      toPn: (wid) => { const pn = load(LS_LIDS, {})[widStr(wid)]; return pn ? new Wid(pn) : null; },
    },
    WAWebUserPrefsInfoStore: { waNoiseInfo: { get: async () => ({ staticKeyPair: { pubKey: new Uint8Array([1, 2, 3]) } }) } },
    WAWebSignalStoreApi: { waSignalStore: { getRegistrationInfo: async () => ({ identityKeyPair: { pubKey: new Uint8Array([4, 5, 6]) } }) } },
    WAWebUserPrefsMultiDevice: { getADVSecretKey: async () => 'adv-secret' },
    WAWebCompanionRegClientUtils: { DEVICE_PLATFORM: 'WEB' },
    WABase64: { encodeB64: (bytes) => btoa(String.fromCharCode(...bytes)) },
    WAWebAltDeviceLinkingApi: {
      setPairingType: async (t) => record('setPairingType', { type: t }),
      initializeAltDeviceLinking: async () => record('initializeAltDeviceLinking'),
      startAltLinkingFlow: async (phone, notify) => { record('startAltLinkingFlow', { phone, notify }); return 'WASS1234'; },
    },
  };

  // ---- test control ----
  const commands = {
    scan: () => link(),
    enterCode: () => link(),
    rotateQr: () => rotate(),
    receive: (c) => receive(c.msg, true, true),
    storeOnly: (c) => { const h = load(LS_HISTORY, []); h.push(...(c.msgs || [c.msg])); save(LS_HISTORY, h); },
    offline: (c) => { const o = load(LS_OFFLINE, []); o.push(c.msg); save(LS_OFFLINE, o); },
    lid: (c) => { const l = load(LS_LIDS, {}); l[c.lid] = c.pn; save(LS_LIDS, l); },
    fail: (c) => { failures[c.target] = c.times; },
    slow: (c) => { slow[c.target] = { ms: c.ms, times: c.times }; },
    state: (c) => setState(c.state),
    logout: () => logout(),
    reload: () => location.reload(),
  };
  const poll = async () => {
    try {
      const res = await fetch('/fake/commands');
      for (const c of await res.json()) {
        try { commands[c.op](c); record('command-done', { op: c.op }); } catch (e) { record('command-failed', { op: c.op, error: String(e) }); }
      }
    } catch (e) { /* the test server is gone */ }
    setTimeout(poll, 50);
  };

  // WhatsApp Web defines its modules some time after the document loads; so does the imitation.
  setTimeout(() => {
    window.require = (name) => {
      if (missing.has(name) || !modules[name]) throw new Error('Requiring unknown module "' + name + '"');
      return modules[name];
    };
    window.Debug = { VERSION };
    record('loaded', { url: location.pathname + location.search });
    if (paired()) {
      connect();
    } else {
      rotate();
      setTimeout(() => setState('UNPAIRED'), 20);
    }
    poll();
  }, 150);
})();
