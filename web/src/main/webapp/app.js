// Universal IM — browser client (plain ES2020, no framework, no build step).
// Talks to the ISP that served this page: REST under api/v1/, WebSocket at ws/v1 (see docs/protocol.md).
// Every piece of user-controlled text is rendered with textContent, never innerHTML.
//
// Stable hooks (the browser tests in src/test/java/im/universal/it/browser rely on them; keep them):
//   forms and controls: #login-form #login-username #login-password #login-mode #login-submit
//     #register-form #reg-username #reg-password #reg-displayname #reg-listed #reg-submit
//     #logout #reconnect-now #presence-form #presence-show #presence-status #presence-submit
//     #add-form #add-address #add-submit #search-form #search-q #search-submit #search-results #search-empty
//     #chat-form #chat-input #chat-send #chat-back #history-more #status-clear
//     #profile-panel (details) #profile-form #profile-displayname #profile-listed #profile-submit
//   views and state: #auth-view #chat-view[data-chat] #session-box #me #mode-badge #my-presence[data-show]
//     #conn[data-state = online | connecting | offline] #status-area (p.entry.error|info[data-code])
//     #contacts > li.contact[data-address][data-state][data-show] with .unread, button.open/.approve/.deny/.remove
//     #search-results > li.result[data-address] with button.add
//     #chat-with #chat-info #chat-typing #chat-log > li.msg.mine|.theirs[data-id][data-client-id][data-status]
//       with .meta, .body, .status   (data-status: pending | accepted | delivered | read | failed)
//   body[data-ready="yes"] once the client has started.
'use strict';

const SESSION_KEY = 'uim.session';
const PRESENCE_KEY = 'uim.presence';
const OPEN_CHAT_KEY = 'uim.openChat';
const PENDING_KEY = 'uim.pendingOut';
const PING_INTERVAL_MS = 20000;
const PONG_TIMEOUT_MS = 10000;
const RECONNECT_MAX_MS = 15000;
const MAX_BODY = 4096;
const RATE_LIMIT_RETRY_MS = 2000;
const HISTORY_PAGE = 50;
const MAX_STATUS_ENTRIES = 4;
const INFO_LIFETIME_MS = 8000;
const TYPING_IDLE_MS = 4000;
const TYPING_REFRESH_MS = 5000;
const STATUS_RANK = { failed: -1, pending: 0, accepted: 1, delivered: 2, read: 3 };
const STATE_RANK = { 'pending-in': 0, accepted: 1, 'pending-out': 2 };

const $ = (id) => document.getElementById(id);

const state = {
  session: null, // {token, address, mode, expiresAt}
  ws: null,
  wsReady: false,
  authFailed: false,
  loggingOut: false,
  reconnectAttempts: 0,
  reconnectTimer: null,
  pingTimer: null,
  contacts: new Map(), // address -> contact {address, displayName, state, presence, unread, el}
  contactsVersion: 0,
  contactsRefreshTimer: null,
  convs: new Map(), // peer address -> {messages: [], historyLoaded, hasMore}
  byServerId: new Map(), // server id -> message
  pendingOut: new Map(), // client id -> message not yet acknowledged
  earlyStatus: new Map(), // server id -> status that arrived before we knew the message
  receipts: { delivered: new Set(), read: new Set() },
  openChat: null,
  typingSent: false,
  typingTimer: null,
  peerTypingTimer: null,
};

// ---------------------------------------------------------------------------------------------
// Small helpers

class ApiError extends Error {
  constructor(code, message, status) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

function h(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === 'className') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'hidden') node.hidden = Boolean(value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function norm(address) {
  return String(address || '').trim().toLowerCase();
}

function sameAddr(a, b) {
  return norm(a) === norm(b);
}

function pathAddr(address) {
  return encodeURIComponent(norm(address)); // '@' becomes %40
}

function myDomain() {
  const me = state.session ? state.session.address : '';
  return me.includes('@') ? me.slice(me.indexOf('@') + 1) : '';
}

function uuid() {
  if (window.crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function fmtTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const now = new Date();
  if (d.toDateString() === now.toDateString()) {
    return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }
  return d.toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
}

function timeOf(msg) {
  const t = msg.sentAt ? Date.parse(msg.sentAt) : NaN;
  return Number.isNaN(t) ? msg.localTime || Date.now() : t;
}

function maxStatus(a, b) {
  if (!a) return b;
  if (!b) return a;
  return (STATUS_RANK[b] ?? 0) > (STATUS_RANK[a] ?? 0) ? b : a;
}

function setBusy(button, busy) {
  if (button) button.disabled = busy;
}

// ---------------------------------------------------------------------------------------------
// Status area (errors and information, newest first)

function notify(kind, text, code, detail) {
  const area = $('status-area');
  const entry = h('p', { className: `entry ${kind}`, dataset: code ? { code } : {}, title: detail }, [
    h('time', { className: 'when', datetime: new Date().toISOString(), text: fmtTime(new Date().toISOString()) }),
    ' ',
    h('span', { className: 'text', text }),
  ]);
  area.prepend(entry);
  while (area.children.length > MAX_STATUS_ENTRIES) area.lastElementChild.remove();
  // information fades away by itself; errors stay until cleared
  if (kind === 'info') setTimeout(() => entry.remove(), INFO_LIFETIME_MS);
  area.dataset.lastKind = kind;
  if (code) area.dataset.lastCode = code;
  else delete area.dataset.lastCode;
}

// A plain-language explanation for every error code of the protocol (docs/protocol.md §4); the server's own
// message is added when it says more. Unknown codes show the server's message.
const ERROR_TEXT = {
  invalid_request: 'The server did not understand the request.',
  invalid_username: 'Usernames are 1–64 characters of a–z, 0–9, dot, underscore and hyphen, starting with a letter or digit.',
  weak_password: 'The password needs at least 8 characters.',
  username_taken: 'That username is already taken on this server.',
  invalid_credentials: 'Wrong username or password.',
  account_disabled: 'This account has been disabled by the operator.',
  too_many_attempts: 'Too many failed logins. Wait a little, then try again.',
  rate_limited: 'Too many requests in a short time. Slow down and try again shortly.',
  unauthorized: 'Your session has ended. Please log in again.',
  invalid_address: 'That is not a valid address (name@domain), or it is your own.',
  mode_restricted: 'This is a proprietary session: it reaches only users of this server. Log in in universal mode to reach other servers.',
  unknown_user: 'There is no such user.',
  no_request: 'There is no pending request from that address.',
  not_found: 'Not found.',
  not_a_contact: 'You can only do this with accepted contacts.',
  too_large: `The message is too long: at most ${MAX_BODY} characters.`,
  method_not_allowed: 'The server does not allow this operation.',
  unsupported_media_type: 'The server refused the format of the request.',
  internal_error: 'The server ran into a problem. Please try again.',
  unavailable: 'The server is not ready (its database or broker is unreachable). Try again shortly.',
  network_error: 'Cannot reach the server. Check the connection; the client keeps trying.',
  not_connected: 'Not connected to the server right now.',
};

// Codes whose server message says something the plain text cannot (which field, which user, which limit).
const DETAILED = new Set(['invalid_request', 'invalid_address', 'unknown_user', 'not_found', 'too_large']);

function explain(code, serverMessage) {
  const known = ERROR_TEXT[code];
  if (!known) return serverMessage || `Error ${code}`;
  if (!serverMessage || serverMessage === known || !DETAILED.has(code)) return known;
  return `${known} (${serverMessage})`;
}

function notifyError(err, context) {
  const code = err && err.code ? err.code : 'error';
  const message = err && err.message ? err.message : String(err);
  notify('error', `${context ? context + ': ' : ''}${explain(code, message)}`, code, message);
}

// ---------------------------------------------------------------------------------------------
// REST

async function api(method, path, body, opts = {}) {
  const auth = opts.auth !== false;
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (auth && state.session) headers.Authorization = `Bearer ${state.session.token}`;
  let res;
  try {
    res = await fetch(new URL(`api/v1/${path}`, window.location.href), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch (e) {
    throw new ApiError('network_error', `Cannot reach the server (${e.message})`, 0);
  }
  const text = await res.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const e = data && data.error ? data.error : {};
    const err = new ApiError(e.code || `http_${res.status}`, e.message || res.statusText || 'Request failed', res.status);
    if (res.status === 401 && auth && state.session && opts.expireOn401 !== false) {
      endSession();
      notifyError(err, 'Session ended, please log in again');
      err.handled = true;
    }
    throw err;
  }
  return data;
}

function reportApiError(err, context) {
  if (!err.handled) notifyError(err, context);
}

// ---------------------------------------------------------------------------------------------
// Session lifecycle

function saveSession() {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(state.session));
}

function loadSession() {
  try {
    const s = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
    if (!s || !s.token || !s.address) return null;
    if (s.expiresAt && Date.parse(s.expiresAt) < Date.now()) {
      sessionStorage.removeItem(SESSION_KEY);
      return null;
    }
    return s;
  } catch {
    sessionStorage.removeItem(SESSION_KEY);
    return null;
  }
}

function resetData() {
  state.contacts.clear();
  state.contactsVersion++;
  state.convs.clear();
  state.byServerId.clear();
  state.pendingOut.clear();
  state.earlyStatus.clear();
  state.receipts.delivered.clear();
  state.receipts.read.clear();
  state.openChat = null;
  state.sessionInfo = null;
  state.authFailed = false;
  $('contacts').replaceChildren();
  $('search-results').replaceChildren();
  $('search-empty').hidden = true;
  $('chat-log').replaceChildren();
  delete $('chat-log').dataset.peer;
  $('chat-with').textContent = '';
  $('chat-info').textContent = '';
  $('chat-typing').textContent = '';
  updateContactsEmpty();
  updateChatControls();
  updateTitle();
}

function beginSession(session) {
  state.session = {
    token: session.token,
    address: norm(session.address),
    mode: session.mode || 'universal',
    expiresAt: session.expiresAt || null,
  };
  saveSession();
  resetData();
  showViews();
  connect();
}

function endSession() {
  const ws = state.ws;
  state.ws = null;
  state.wsReady = false;
  stopPing();
  clearTimeout(state.reconnectTimer);
  clearInterval(state.countdownTimer);
  clearTimeout(state.contactsRefreshTimer);
  if (ws && ws.readyState <= WebSocket.OPEN) ws.close(1000, 'logout');
  state.session = null;
  sessionStorage.removeItem(SESSION_KEY);
  sessionStorage.removeItem(PRESENCE_KEY);
  sessionStorage.removeItem(OPEN_CHAT_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  $('profile-panel').open = false;
  $('profile-displayname').value = '';
  $('profile-listed').checked = false;
  resetData();
  setConn('offline');
  showViews();
}

function showViews() {
  const loggedIn = Boolean(state.session);
  $('auth-view').hidden = loggedIn;
  $('chat-view').hidden = !loggedIn;
  $('session-box').hidden = !loggedIn;
  $('me').textContent = loggedIn ? state.session.address : '';
  $('mode-badge').textContent = loggedIn ? state.session.mode : '';
  $('mode-badge').dataset.mode = loggedIn ? state.session.mode : '';
  if (loggedIn) {
    const saved = loadPresence();
    $('presence-show').value = saved ? saved.show : 'available';
    $('presence-status').value = saved ? saved.status : '';
    $('my-presence').dataset.show = saved ? saved.show : 'available';
  }
}

async function onRegister(ev) {
  ev.preventDefault();
  const button = $('reg-submit');
  const body = {
    username: $('reg-username').value.trim(),
    password: $('reg-password').value,
    listed: $('reg-listed').checked,
  };
  const displayName = $('reg-displayname').value.trim();
  if (displayName) body.displayName = displayName;
  setBusy(button, true);
  try {
    const account = await api('POST', 'accounts', body, { auth: false });
    $('register-form').reset();
    $('login-username').value = account.address.slice(0, account.address.indexOf('@'));
    notify('info', `Account ${account.address} created${account.listed ? ' (listed)' : ' (unlisted)'}. You can log in now.`);
  } catch (e) {
    reportApiError(e, 'Registration failed');
  } finally {
    setBusy(button, false);
  }
}

async function onLogin(ev) {
  ev.preventDefault();
  const button = $('login-submit');
  const body = {
    username: $('login-username').value.trim(),
    password: $('login-password').value,
    mode: $('login-mode').value,
    device: 'web',
  };
  setBusy(button, true);
  try {
    const session = await api('POST', 'sessions', body, { auth: false });
    $('login-password').value = '';
    beginSession(session);
    notify('info', `Logged in as ${state.session.address} (${state.session.mode})`);
  } catch (e) {
    reportApiError(e, 'Login failed');
  } finally {
    setBusy(button, false);
  }
}

async function onLogout() {
  if (!state.session) return;
  const button = $('logout');
  setBusy(button, true);
  state.loggingOut = true;
  try {
    sendFrame({ type: 'bye' });
    try {
      await api('DELETE', 'sessions/current', undefined, { expireOn401: false });
    } catch (e) {
      if (e.status !== 401) reportApiError(e, 'Logout');
    }
    endSession();
    notify('info', 'Logged out');
  } finally {
    state.loggingOut = false;
    setBusy(button, false);
  }
}

// ---------------------------------------------------------------------------------------------
// WebSocket

function wsUrl() {
  const url = new URL('ws/v1', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

// state: online | connecting | offline; the text may say more ("offline — retrying in 4 s").
function setConn(connState, text) {
  const conn = $('conn');
  conn.textContent = text || connState;
  conn.dataset.state = connState;
  $('reconnect-now').hidden = connState !== 'offline' || !state.session;
  const saved = loadPresence();
  $('my-presence').dataset.show = connState === 'online' ? (saved && saved.show) || 'available' : 'offline';
}

function connect() {
  clearTimeout(state.reconnectTimer);
  clearInterval(state.countdownTimer);
  if (!state.session) return;
  if (state.ws && state.ws.readyState <= WebSocket.OPEN) return;
  let ws;
  try {
    ws = new WebSocket(wsUrl());
  } catch (e) {
    notifyError(new ApiError('network_error', e.message, 0), 'Connection');
    scheduleReconnect();
    return;
  }
  state.ws = ws;
  state.wsReady = false;
  state.authFailed = false;
  setConn('connecting');
  ws.addEventListener('open', () => {
    if (ws !== state.ws) return;
    ws.send(JSON.stringify({ type: 'auth', token: state.session.token }));
    startPing(ws);
  });
  ws.addEventListener('message', (ev) => {
    if (ws !== state.ws) return;
    state.lastHeard = Date.now();
    let frame;
    try {
      frame = JSON.parse(ev.data);
    } catch {
      notify('error', 'The server sent something unreadable; ignored.', 'invalid_frame');
      return;
    }
    if (frame && typeof frame === 'object') handleFrame(frame);
  });
  ws.addEventListener('close', (ev) => {
    if (ws !== state.ws) return;
    lostSocket(ev.code);
  });
}

// The socket is gone (closed by either side, or declared dead): forget it and, unless the user left, retry.
function lostSocket(code) {
  const ws = state.ws;
  state.ws = null;
  state.wsReady = false;
  stopPing();
  stopTyping();
  if (ws && ws.readyState <= WebSocket.OPEN) {
    try {
      ws.close(4000, 'reconnecting');
    } catch {
      // closing anyway
    }
  }
  if (!state.session || state.loggingOut) {
    setConn('offline');
    return;
  }
  if (state.authFailed) {
    endSession();
    notify('error', ERROR_TEXT.unauthorized, 'unauthorized');
    return;
  }
  if (code === 1009) notify('error', 'The server closed the connection: a frame was too large.', 'too_large');
  markContactsUnknown();
  scheduleReconnect();
}

// Exponential backoff with jitter: 1, 2, 4, 8, then 15 s at most, while the page shows the countdown.
function scheduleReconnect() {
  const base = Math.min(RECONNECT_MAX_MS, 1000 * 2 ** state.reconnectAttempts);
  const delay = base + Math.floor(Math.random() * 400);
  state.reconnectAttempts = Math.min(state.reconnectAttempts + 1, 10);
  const at = Date.now() + delay;
  const show = () => {
    const left = Math.max(0, Math.ceil((at - Date.now()) / 1000));
    setConn('offline', navigator.onLine === false ? 'offline — no network' : `offline — retrying in ${left} s`);
  };
  show();
  clearInterval(state.countdownTimer);
  state.countdownTimer = setInterval(show, 1000);
  clearTimeout(state.reconnectTimer);
  state.reconnectTimer = setTimeout(connect, delay);
}

function reconnectNow() {
  state.reconnectAttempts = 0;
  connect();
}

function sendFrame(frame) {
  const ws = state.ws;
  if (!ws || ws.readyState !== WebSocket.OPEN) return false;
  if (!state.wsReady && frame.type !== 'bye') return false;
  ws.send(JSON.stringify(frame));
  return true;
}

// Keep-alive, and detection of a dead line (TCP still open, nothing comes back): no answer to a ping
// within PONG_TIMEOUT_MS drops the socket and reconnects.
function startPing(ws) {
  stopPing();
  state.lastHeard = Date.now();
  state.pingTimer = setInterval(() => {
    if (ws !== state.ws) return;
    if (state.pingSentAt && state.lastHeard < state.pingSentAt && Date.now() - state.pingSentAt > PONG_TIMEOUT_MS) {
      notify('info', 'The connection stopped answering; reconnecting.', 'dead_connection');
      lostSocket(4000);
      return;
    }
    if (Date.now() - state.lastHeard >= PING_INTERVAL_MS && (!state.pingSentAt || state.lastHeard >= state.pingSentAt)) {
      if (sendFrame({ type: 'ping' })) state.pingSentAt = Date.now();
    }
  }, 1000);
}

function stopPing() {
  clearInterval(state.pingTimer);
  state.pingTimer = null;
  state.pingSentAt = 0;
}

// While disconnected nobody's presence is known for sure; `ready` brings the truth back.
function markContactsUnknown() {
  for (const c of state.contacts.values()) {
    if (c.el) c.el.dataset.stale = 'yes';
  }
}

function handleFrame(f) {
  switch (f.type) {
    case 'ready':
      return onReady(f);
    case 'message':
      return onIncomingMessage(f);
    case 'ack':
      return onAck(f);
    case 'status':
      return onStatus(f);
    case 'presence':
      return onPresence(f);
    case 'contact-request':
      return onContactRequest(f);
    case 'contact':
      return onContactFrame(f);
    case 'session':
      return onSessionFrame(f);
    case 'typing':
      return onTyping(f);
    case 'error':
      return onErrorFrame(f);
    case 'pong':
      $('conn').dataset.lastPong = new Date().toISOString();
      return undefined;
    default:
      return undefined; // unknown frame types are ignored
  }
}

function onReady(f) {
  state.wsReady = true;
  state.reconnectAttempts = 0;
  setConn('online');
  if (f.address && !sameAddr(f.address, state.session.address)) {
    state.session.address = norm(f.address);
    saveSession();
    $('me').textContent = state.session.address;
  }
  if (f.mode && f.mode !== state.session.mode) {
    state.session.mode = f.mode;
    saveSession();
    $('mode-badge').textContent = f.mode;
  }
  if (Array.isArray(f.contacts)) mergeContacts(f.contacts);
  const presence = loadPresence();
  if (presence) sendFrame({ type: 'presence', show: presence.show, status: presence.status });
  for (const msg of state.pendingOut.values()) transmit(msg); // same client id: never duplicated
  if (state.openChat) {
    sendFrame({ type: 'open', with: state.openChat });
    markRead(state.openChat);
  }
}

function onErrorFrame(f) {
  const code = f.code || 'error';
  if (code === 'unauthorized') state.authFailed = true;
  let context = 'Server';
  if (f.ref && state.pendingOut.has(f.ref) && code === 'rate_limited') {
    // "slow down and resend with the same id": keep it pending and try again in a moment
    const msg = state.pendingOut.get(f.ref);
    setTimeout(() => state.pendingOut.get(msg.clientId) === msg && transmit(msg), RATE_LIMIT_RETRY_MS);
    notify('info', `${explain(code, f.message)} The message will be sent again automatically.`, code);
    return;
  }
  if (f.ref && state.pendingOut.has(f.ref)) {
    const msg = state.pendingOut.get(f.ref);
    state.pendingOut.delete(f.ref);
    savePending();
    msg.status = 'failed';
    msg.error = code;
    renderMessage(msg);
    context = `Message to ${msg.to} not sent`;
  } else if (f.ref && String(f.ref).includes('@')) {
    context = `Contact ${f.ref}`;
    scheduleContactsRefresh();
  }
  notify('error', `${context}: ${explain(code, f.message)}`, code, f.message);
}

// ---------------------------------------------------------------------------------------------
// Contacts

function contactFromServer(c) {
  return {
    address: norm(c.address),
    displayName: c.displayName || null,
    state: c.state || 'accepted',
    presence: c.presence || null,
  };
}

function upsertContact(data) {
  const address = norm(data.address);
  if (!address) return null;
  let c = state.contacts.get(address);
  if (!c) {
    c = { address, displayName: null, state: 'pending-out', presence: null, unread: 0, el: null };
    state.contacts.set(address, c);
  }
  if (data.displayName) c.displayName = data.displayName;
  if (data.state) c.state = data.state;
  if (data.presence) c.presence = { ...(c.presence || {}), ...data.presence };
  renderContact(c);
  return c;
}

function removeContact(address) {
  const c = state.contacts.get(norm(address));
  if (!c) return;
  state.contacts.delete(c.address);
  if (c.el) c.el.remove();
  updateContactsEmpty();
  updateChatControls();
}

function mergeContacts(list) {
  state.contactsVersion++;
  const seen = new Set();
  for (const raw of list) {
    const c = contactFromServer(raw);
    if (!c.address) continue;
    seen.add(c.address);
    upsertContact(c);
  }
  for (const address of [...state.contacts.keys()]) if (!seen.has(address)) removeContact(address);
  sortContacts();
  updateContactsEmpty();
  updateChatControls();
}

function scheduleContactsRefresh() {
  state.contactsVersion++;
  clearTimeout(state.contactsRefreshTimer);
  state.contactsRefreshTimer = setTimeout(refreshContacts, 250);
}

async function refreshContacts() {
  if (!state.session) return;
  const version = state.contactsVersion;
  try {
    const data = await api('GET', 'contacts');
    // A frame changed the list while we were asking: a newer refresh is on its way.
    if (version !== state.contactsVersion || !state.session) return;
    mergeContacts((data && data.contacts) || []);
  } catch (e) {
    reportApiError(e, 'Loading contacts');
  }
}

function renderContact(c) {
  if (!c.el) {
    const li = h('li', { className: 'contact' });
    c.ui = {
      dot: h('span', { className: 'dot', 'aria-hidden': 'true' }),
      name: h('span', { className: 'name' }),
      address: h('span', { className: 'address' }),
      show: h('span', { className: 'show' }),
      statusText: h('span', { className: 'status-text' }),
      lastSeen: h('time', { className: 'last-seen' }),
      state: h('span', { className: 'state' }),
      unread: h('span', { className: 'unread', hidden: true }),
      actions: h('div', { className: 'actions' }),
      open: h('button', { type: 'button', className: 'open', text: 'Chat' }),
      remove: h('button', { type: 'button', className: 'remove', text: 'Remove' }),
    };
    c.ui.open.addEventListener('click', () => openChat(c.address));
    c.ui.remove.addEventListener('click', () => onRemoveClick(c));
    li.append(
      c.ui.dot,
      h('div', { className: 'who' }, [c.ui.name, c.ui.address]),
      h('div', { className: 'presence' }, [c.ui.show, c.ui.statusText, c.ui.lastSeen]),
      h('div', { className: 'badges' }, [c.ui.state, c.ui.unread]),
      c.ui.actions,
    );
    c.ui.actions.append(c.ui.open, c.ui.remove);
    c.el = li;
    $('contacts').append(li);
    updateContactsEmpty();
  }
  const p = c.presence || {};
  const show = p.show || 'offline';
  const li = c.el;
  li.dataset.address = c.address;
  li.dataset.state = c.state;
  li.dataset.show = show;
  if (state.wsReady) delete li.dataset.stale;
  li.classList.toggle('active', state.openChat === c.address);
  c.ui.name.textContent = c.displayName || c.address.split('@')[0];
  c.ui.address.textContent = c.address;
  c.ui.show.textContent = show;
  c.ui.statusText.textContent = p.status || '';
  c.ui.statusText.hidden = !p.status;
  if (p.lastSeen) {
    c.ui.lastSeen.dateTime = p.lastSeen;
    c.ui.lastSeen.textContent = `last seen ${fmtTime(p.lastSeen)}`;
    c.ui.lastSeen.hidden = false;
  } else {
    c.ui.lastSeen.removeAttribute('datetime');
    c.ui.lastSeen.textContent = '';
    c.ui.lastSeen.hidden = true;
  }
  c.ui.state.textContent = c.state;
  c.ui.state.hidden = c.state === 'accepted';
  c.ui.unread.textContent = String(c.unread || 0);
  c.ui.unread.hidden = !c.unread;
  c.ui.unread.setAttribute('aria-label', `${c.unread || 0} unread`);
  c.ui.open.setAttribute('aria-label', `Open chat with ${c.address}`);
  c.ui.remove.setAttribute('aria-label', `Remove contact ${c.address}`);
  syncRequestButtons(c);
}

function syncRequestButtons(c) {
  const pendingIn = c.state === 'pending-in';
  if (pendingIn && !c.ui.approve) {
    c.ui.approve = h('button', { type: 'button', className: 'approve', text: 'Approve' });
    c.ui.deny = h('button', { type: 'button', className: 'deny', text: 'Deny' });
    c.ui.approve.setAttribute('aria-label', `Approve contact request from ${c.address}`);
    c.ui.deny.setAttribute('aria-label', `Deny contact request from ${c.address}`);
    c.ui.approve.addEventListener('click', () => onApprove(c.address, c.ui.approve));
    c.ui.deny.addEventListener('click', () => onDeny(c.address, c.ui.deny));
    c.ui.actions.prepend(c.ui.approve, c.ui.deny);
  } else if (!pendingIn && c.ui.approve) {
    c.ui.approve.remove();
    c.ui.deny.remove();
    c.ui.approve = null;
    c.ui.deny = null;
  }
}

function sortContacts() {
  const list = $('contacts');
  const sorted = [...state.contacts.values()].sort((a, b) => {
    const s = (STATE_RANK[a.state] ?? 3) - (STATE_RANK[b.state] ?? 3);
    if (s) return s;
    const ao = a.presence && a.presence.show && a.presence.show !== 'offline' ? 0 : 1;
    const bo = b.presence && b.presence.show && b.presence.show !== 'offline' ? 0 : 1;
    if (ao !== bo) return ao - bo;
    return a.address.localeCompare(b.address);
  });
  sorted.forEach((c, i) => {
    if (list.children[i] !== c.el) list.insertBefore(c.el, list.children[i] || null);
  });
}

function updateContactsEmpty() {
  $('contacts-empty').hidden = state.contacts.size > 0;
}

function onPresence(f) {
  const c = state.contacts.get(norm(f.from));
  if (!c) return;
  c.presence = { show: f.show || 'offline', status: f.status ?? null, lastSeen: f.lastSeen ?? null };
  if (state.sessionInfo && state.sessionInfo.peer === c.address) state.sessionInfo.available = c.presence.show !== 'offline';
  renderContact(c);
  sortContacts();
  if (state.openChat === c.address) updateChatInfo();
}

function onContactRequest(f) {
  const existing = state.contacts.get(norm(f.from));
  upsertContact({ address: f.from, displayName: f.displayName, state: existing && existing.state === 'accepted' ? 'accepted' : 'pending-in' });
  sortContacts();
  notify('info', `Contact request from ${f.displayName ? `${f.displayName} <${norm(f.from)}>` : norm(f.from)}`);
  scheduleContactsRefresh();
}

function onContactFrame(f) {
  const address = norm(f.address);
  if (f.state === 'removed' || f.state === 'denied') {
    const had = state.contacts.has(address);
    removeContact(address);
    if (had) notify('info', f.state === 'denied' ? `${address} denied the contact request` : `${address} is no longer a contact`);
  } else if (f.state) {
    const before = state.contacts.get(address);
    const wasAccepted = before && before.state === 'accepted';
    upsertContact({ address, state: f.state });
    sortContacts();
    if (f.state === 'accepted' && !wasAccepted) notify('info', `${address} is now a contact`);
  }
  updateChatControls();
  scheduleContactsRefresh();
}

async function addContact(raw, button) {
  let address = norm(raw);
  if (!address) {
    notify('error', 'Enter an address such as bob@beta.test', 'invalid_address');
    return false;
  }
  if (!address.includes('@') && myDomain()) address = `${address}@${myDomain()}`;
  setBusy(button, true);
  try {
    await api('PUT', `contacts/${pathAddr(address)}`);
    const existing = state.contacts.get(address);
    if (!existing || existing.state !== 'accepted') {
      upsertContact({ address, state: existing && existing.state === 'pending-in' ? 'pending-in' : 'pending-out' });
      sortContacts();
    }
    notify('info', `Contact request sent to ${address}`);
    scheduleContactsRefresh();
    return true;
  } catch (e) {
    reportApiError(e, `Adding ${address}`);
    return false;
  } finally {
    setBusy(button, false);
  }
}

async function onApprove(address, button) {
  setBusy(button, true);
  try {
    await api('POST', `contacts/${pathAddr(address)}/approve`);
    upsertContact({ address, state: 'accepted' });
    sortContacts();
    updateChatControls();
    notify('info', `${address} is now a contact`);
    scheduleContactsRefresh();
  } catch (e) {
    setBusy(button, false);
    reportApiError(e, `Approving ${address}`);
  }
}

async function onDeny(address, button) {
  setBusy(button, true);
  try {
    await api('POST', `contacts/${pathAddr(address)}/deny`);
    removeContact(address);
    notify('info', `Request from ${address} denied`);
    scheduleContactsRefresh();
  } catch (e) {
    setBusy(button, false);
    reportApiError(e, `Denying ${address}`);
  }
}

async function onRemoveClick(c) {
  const button = c.ui.remove;
  if (button.dataset.confirm !== 'yes') {
    // Two-step removal, without a modal dialog.
    button.dataset.confirm = 'yes';
    button.textContent = 'Confirm removal';
    setTimeout(() => {
      if (button.isConnected) {
        button.dataset.confirm = '';
        button.textContent = 'Remove';
      }
    }, 4000);
    return;
  }
  setBusy(button, true);
  try {
    await api('DELETE', `contacts/${pathAddr(c.address)}`);
    removeContact(c.address);
    notify('info', `${c.address} removed from contacts`);
    scheduleContactsRefresh();
  } catch (e) {
    setBusy(button, false);
    reportApiError(e, `Removing ${c.address}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Directory

async function onSearch(ev) {
  ev.preventDefault();
  const button = $('search-submit');
  const q = $('search-q').value.trim();
  setBusy(button, true);
  try {
    const data = await api('GET', `directory?${new URLSearchParams({ q, limit: '50' })}`);
    renderSearchResults((data && data.entries) || []);
  } catch (e) {
    reportApiError(e, 'Directory search');
  } finally {
    setBusy(button, false);
  }
}

function renderSearchResults(entries) {
  const list = $('search-results');
  list.replaceChildren();
  for (const entry of entries) {
    const address = norm(entry.address);
    const li = h('li', { className: 'result', dataset: { address } }, [
      h('div', { className: 'who' }, [
        h('span', { className: 'name', text: entry.displayName || entry.local || address.split('@')[0] }),
        h('span', { className: 'address', text: address }),
      ]),
    ]);
    const domain = norm(entry.domain || address.slice(address.indexOf('@') + 1));
    const home = domain === myDomain();
    li.append(
      h('span', {
        className: `isp ${home ? 'home' : 'remote'}`,
        text: home ? `${domain} (this server)` : `on ${domain}`,
        title: home ? 'A user of this server' : `A user of another server: ${domain}`,
      }),
    );
    const known = state.contacts.get(address);
    if (sameAddr(address, state.session && state.session.address)) {
      li.append(h('span', { className: 'note', text: '(you)' }));
    } else {
      if (known) li.append(h('span', { className: 'note', text: known.state }));
      const add = h('button', { type: 'button', className: 'add', text: 'Add', 'aria-label': `Add ${address} as a contact` });
      add.addEventListener('click', () => addContact(address, add));
      li.append(add);
    }
    list.append(li);
  }
  const empty = $('search-empty');
  empty.hidden = entries.length > 0;
  empty.textContent = entries.length ? '' : 'Nobody found.';
}

async function onAdd(ev) {
  ev.preventDefault();
  const ok = await addContact($('add-address').value, $('add-submit'));
  if (ok) $('add-address').value = '';
}

// ---------------------------------------------------------------------------------------------
// Presence

function loadPresence() {
  try {
    return JSON.parse(sessionStorage.getItem(PRESENCE_KEY) || 'null');
  } catch {
    return null;
  }
}

function onPresenceSubmit(ev) {
  ev.preventDefault();
  const show = $('presence-show').value;
  const status = $('presence-status').value.trim();
  const frame = { type: 'presence', show };
  if (status) frame.status = status;
  else frame.status = '';
  if (!sendFrame(frame)) {
    notify('error', 'Not connected; presence not sent', 'not_connected');
    return;
  }
  sessionStorage.setItem(PRESENCE_KEY, JSON.stringify({ show, status }));
  $('my-presence').dataset.show = show;
  notify('info', `Presence set to ${show}${status ? ` — ${status}` : ''}`);
}

// ---------------------------------------------------------------------------------------------
// Own profile (GET / PATCH /api/v1/accounts/me, docs/protocol.md extension 10)

async function loadProfile() {
  try {
    const me = await api('GET', 'accounts/me');
    $('profile-displayname').value = me.displayName || '';
    $('profile-listed').checked = Boolean(me.listed);
  } catch (err) {
    reportApiError(err, 'Could not load your profile');
  }
}

async function onProfileSubmit(ev) {
  ev.preventDefault();
  const button = $('profile-submit');
  setBusy(button, true);
  try {
    const me = await api('PATCH', 'accounts/me', {
      displayName: $('profile-displayname').value.trim(),
      listed: $('profile-listed').checked,
    });
    $('profile-displayname').value = me.displayName;
    $('profile-listed').checked = Boolean(me.listed);
    notify('info', `Profile saved: ${me.displayName}, ${me.listed ? 'listed' : 'not listed'} in the directory`);
  } catch (err) {
    reportApiError(err, 'Profile not saved');
  } finally {
    setBusy(button, false);
  }
}

// ---------------------------------------------------------------------------------------------
// Conversations

function getConv(peer) {
  const key = norm(peer);
  let conv = state.convs.get(key);
  if (!conv) {
    conv = { messages: [], historyLoaded: false, hasMore: false, loading: false };
    state.convs.set(key, conv);
  }
  return conv;
}

function peerOf(msg) {
  return msg.mine ? norm(msg.to) : norm(msg.from);
}

function addMessage(msg) {
  getConv(peerOf(msg)).messages.push(msg);
  if (msg.id) {
    state.byServerId.set(msg.id, msg);
    applyEarlyStatus(msg);
  }
}

function dropMessage(msg) {
  const conv = getConv(peerOf(msg));
  conv.messages = conv.messages.filter((m) => m !== msg);
  if (msg.el) msg.el.remove();
}

function applyEarlyStatus(msg) {
  if (state.earlyStatus.has(msg.id)) {
    msg.status = maxStatus(msg.status, state.earlyStatus.get(msg.id));
    state.earlyStatus.delete(msg.id);
  }
}

function openChat(address) {
  const peer = norm(address);
  if (!peer) return;
  const previous = state.openChat;
  if (previous !== peer) stopTyping();
  state.openChat = peer;
  sessionStorage.setItem(OPEN_CHAT_KEY, peer);
  $('chat-with').textContent = peer;
  $('chat-typing').textContent = '';
  $('chat-info').textContent = '';
  for (const c of state.contacts.values()) c.el && c.el.classList.toggle('active', c.address === peer);
  updateChatControls();
  updateChatInfo();
  sendFrame({ type: 'open', with: peer }); // if offline, sent again on `ready`
  renderChatLog(true);
  markRead(peer);
  const conv = getConv(peer);
  if (!conv.historyLoaded) loadHistory(peer);
  $('chat-input').focus();
}

// Back to the contact list (on a phone the chat takes the whole screen).
function closeChat() {
  stopTyping();
  const peer = state.openChat;
  state.openChat = null;
  state.sessionInfo = null;
  sessionStorage.removeItem(OPEN_CHAT_KEY);
  $('chat-with').textContent = '';
  $('chat-info').textContent = '';
  $('chat-typing').textContent = '';
  for (const c of state.contacts.values()) c.el && c.el.classList.remove('active');
  renderChatLog();
  updateChatControls();
  const c = peer && state.contacts.get(peer);
  if (c && c.ui) c.ui.open.focus();
}

async function loadHistory(peer, before) {
  const conv = getConv(peer);
  if (conv.loading) return;
  conv.loading = true;
  const params = new URLSearchParams({ limit: String(HISTORY_PAGE) });
  if (before) params.set('before', before);
  try {
    const data = await api('GET', `conversations/${pathAddr(peer)}/messages?${params}`);
    const messages = (data && data.messages) || [];
    for (const m of messages) mergeServerMessage(m);
    conv.hasMore = messages.length >= HISTORY_PAGE;
    conv.historyLoaded = true;
    if (state.openChat === peer) {
      // older messages go on top: keep what the user was looking at in place
      const log = $('chat-log');
      const fromBottom = log.scrollHeight - log.scrollTop;
      renderChatLog(!before);
      if (before) log.scrollTop = log.scrollHeight - fromBottom;
      if (document.visibilityState === 'visible') markRead(peer);
    }
  } catch (e) {
    reportApiError(e, `History with ${peer}`);
  } finally {
    conv.loading = false;
    updateChatControls();
  }
}

function onOlder() {
  const peer = state.openChat;
  if (!peer) return;
  const conv = getConv(peer);
  const oldest = sortedMessages(conv).find((m) => m.id);
  loadHistory(peer, oldest ? oldest.id : undefined);
}

function mergeServerMessage(m) {
  if (!m || !m.id) return;
  const existing = state.byServerId.get(m.id);
  if (existing) {
    existing.status = maxStatus(existing.status, m.status);
    if (!existing.sentAt && m.sentAt) existing.sentAt = m.sentAt;
    renderMessage(existing);
    return;
  }
  const mine = sameAddr(m.from, state.session.address);
  addMessage({
    id: m.id,
    clientId: null,
    from: norm(m.from),
    to: norm(m.to),
    body: m.body ?? '',
    sentAt: m.sentAt || null,
    localTime: Date.now(),
    status: m.status || (mine ? 'accepted' : 'delivered'),
    mine,
  });
}

function onIncomingMessage(f) {
  if (!f.id) return;
  const mine = sameAddr(f.from, state.session.address); // copy of our own message (another device)
  let msg = state.byServerId.get(f.id);
  if (!msg) {
    msg = {
      id: f.id,
      clientId: null,
      from: norm(f.from),
      to: norm(f.to || state.session.address),
      body: f.body ?? '',
      sentAt: f.sentAt || null,
      localTime: Date.now(),
      status: mine ? 'accepted' : 'delivered',
      mine,
    };
    addMessage(msg);
  }
  if (mine) {
    if (state.openChat === peerOf(msg)) renderChatLog();
    return;
  }
  sendReceipt('delivered', msg.id);
  const peer = peerOf(msg);
  if (state.openChat === peer) renderChatLog();
  if (state.openChat === peer && document.visibilityState === 'visible') {
    markRead(peer);
  } else if (msg.status !== 'read') {
    const c = state.contacts.get(peer);
    if (c && !msg.counted) {
      msg.counted = true;
      c.unread = (c.unread || 0) + 1;
      renderContact(c);
    }
    updateTitle();
  }
}

function sendReceipt(kind, id) {
  if (state.receipts[kind].has(id)) return true;
  if (!sendFrame({ type: kind, id })) return false;
  state.receipts[kind].add(id);
  return true;
}

function markRead(peer) {
  const conv = getConv(peer);
  for (const msg of conv.messages) {
    if (msg.mine || !msg.id || msg.status === 'read') continue;
    if (sendReceipt('read', msg.id)) {
      msg.status = 'read';
      renderMessage(msg);
    }
  }
  const c = state.contacts.get(norm(peer));
  if (c && c.unread) {
    c.unread = 0;
    renderContact(c);
  }
  updateTitle();
}

function onAck(f) {
  const msg = state.pendingOut.get(f.id);
  if (!msg) return;
  state.pendingOut.delete(f.id);
  savePending();
  const serverId = f.serverId;
  const existing = serverId ? state.byServerId.get(serverId) : null;
  if (existing && existing !== msg) {
    // History already brought this message: keep one copy.
    existing.status = maxStatus(existing.status, f.status || 'accepted');
    existing.clientId = msg.clientId;
    dropMessage(msg);
    renderMessage(existing);
    return;
  }
  msg.id = serverId || msg.id;
  msg.status = maxStatus(msg.status === 'pending' ? null : msg.status, f.status || 'accepted');
  if (msg.id) {
    state.byServerId.set(msg.id, msg);
    applyEarlyStatus(msg);
  }
  renderMessage(msg);
}

function onStatus(f) {
  if (!f.id || !f.status) return;
  const msg = state.byServerId.get(f.id);
  if (!msg) {
    state.earlyStatus.set(f.id, maxStatus(state.earlyStatus.get(f.id), f.status));
    return;
  }
  msg.status = maxStatus(msg.status, f.status);
  renderMessage(msg);
}

function onSessionFrame(f) {
  const peer = norm(f.with);
  const c = state.contacts.get(peer);
  if (c && f.presence) {
    c.presence = { ...(c.presence || {}), ...f.presence };
    renderContact(c);
    sortContacts();
  }
  if (state.openChat === peer) {
    state.sessionInfo = { peer, route: f.route || null, available: f.available };
    updateChatInfo();
  }
}

function updateChatInfo() {
  const peer = state.openChat;
  const info = $('chat-info');
  if (!peer) {
    info.textContent = '';
    return;
  }
  const c = state.contacts.get(peer);
  const parts = [];
  if (c) {
    const p = c.presence || {};
    parts.push(p.show || 'offline');
    if (p.status) parts.push(p.status);
    if ((p.show || 'offline') === 'offline' && p.lastSeen) parts.push(`last seen ${fmtTime(p.lastSeen)}`);
    if (c.state !== 'accepted') parts.push(c.state);
  } else {
    parts.push('not a contact');
  }
  const s = state.sessionInfo;
  if (s && s.peer === peer) {
    if (s.route) parts.push(`${s.route} route`);
    if (typeof s.available === 'boolean') parts.push(s.available ? 'online now' : 'no device online');
  }
  info.textContent = parts.join(' · ');
}

function onTyping(f) {
  const from = norm(f.from);
  if (from !== state.openChat) return;
  const c = state.contacts.get(from);
  const name = c && c.displayName ? c.displayName : from;
  $('chat-typing').textContent = f.state === 'composing' ? `${name} is typing…` : '';
  clearTimeout(state.peerTypingTimer);
  if (f.state === 'composing') {
    state.peerTypingTimer = setTimeout(() => {
      $('chat-typing').textContent = '';
    }, 15000);
  }
}

function onChatSubmit(ev) {
  ev.preventDefault();
  const to = state.openChat;
  if (!to) {
    notify('error', 'Open a chat with a contact first', 'no_chat');
    return;
  }
  const input = $('chat-input');
  const body = input.value;
  if (!body.trim()) return;
  const length = [...body].length; // code points, as the server counts
  if (length > MAX_BODY) {
    notify('error', `${ERROR_TEXT.too_large} This one has ${length}.`, 'too_large');
    return;
  }
  const msg = {
    id: null,
    clientId: uuid(),
    from: state.session.address,
    to,
    body,
    sentAt: null,
    localTime: Date.now(),
    status: 'pending',
    mine: true,
  };
  addMessage(msg);
  state.pendingOut.set(msg.clientId, msg);
  savePending();
  input.value = '';
  updateCounter();
  stopTyping();
  renderChatLog(true);
  if (!transmit(msg)) notify('info', 'Not connected: the message will be sent when the connection is back.');
}

// Unacknowledged messages survive a reload of the page (same tab): they are resent with the same client id.
function savePending() {
  const list = [...state.pendingOut.values()].map((m) => ({
    clientId: m.clientId,
    to: m.to,
    body: m.body,
    localTime: m.localTime,
  }));
  if (list.length) sessionStorage.setItem(PENDING_KEY, JSON.stringify(list));
  else sessionStorage.removeItem(PENDING_KEY);
}

function restorePending() {
  let list = [];
  try {
    list = JSON.parse(sessionStorage.getItem(PENDING_KEY) || '[]');
  } catch {
    list = [];
  }
  for (const p of Array.isArray(list) ? list : []) {
    if (!p || !p.clientId || !p.to || typeof p.body !== 'string') continue;
    const msg = {
      id: null,
      clientId: p.clientId,
      from: state.session.address,
      to: norm(p.to),
      body: p.body,
      sentAt: null,
      localTime: p.localTime || Date.now(),
      status: 'pending',
      mine: true,
    };
    addMessage(msg);
    state.pendingOut.set(msg.clientId, msg);
  }
}

function updateCounter() {
  const input = $('chat-input');
  const length = [...input.value].length;
  const counter = $('chat-counter');
  counter.hidden = length < MAX_BODY - 200;
  counter.textContent = `${length} / ${MAX_BODY}`;
  counter.dataset.over = length > MAX_BODY ? 'yes' : 'no';
}

function transmit(msg) {
  return sendFrame({ type: 'message', id: msg.clientId, to: msg.to, body: msg.body });
}

function retry(msg) {
  msg.status = 'pending';
  msg.error = null;
  state.pendingOut.set(msg.clientId, msg);
  savePending();
  renderMessage(msg);
  if (!transmit(msg)) notify('info', 'Not connected: the message will be sent when the connection is back');
}

function onChatKeydown(ev) {
  if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
    ev.preventDefault();
    $('chat-form').requestSubmit();
  }
}

function onChatInput() {
  const to = state.openChat;
  if (!to) return;
  if ($('chat-input').value.trim() === '') {
    stopTyping();
    return;
  }
  updateCounter();
  // composing is repeated every few seconds while typing goes on (receivers forget it after a while)
  const stale = Date.now() - (state.typingSentAt || 0) > TYPING_REFRESH_MS;
  if ((!state.typingSent || stale) && sendFrame({ type: 'typing', to, state: 'composing' })) {
    state.typingSent = to;
    state.typingSentAt = Date.now();
  }
  clearTimeout(state.typingTimer);
  state.typingTimer = setTimeout(stopTyping, TYPING_IDLE_MS);
}

function stopTyping() {
  clearTimeout(state.typingTimer);
  if (state.typingSent) sendFrame({ type: 'typing', to: state.typingSent, state: 'paused' });
  state.typingSent = false;
}

function sortedMessages(conv) {
  return conv.messages
    .map((m, i) => ({ m, i, t: timeOf(m) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.m);
}

function renderChatLog(scrollToEnd) {
  const log = $('chat-log');
  const peer = state.openChat;
  if (!peer) {
    log.replaceChildren();
    delete log.dataset.peer;
    return;
  }
  if (log.dataset.peer !== peer) {
    log.replaceChildren();
    log.dataset.peer = peer;
    scrollToEnd = true;
  }
  const nearEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 60;
  const ordered = sortedMessages(getConv(peer));
  ordered.forEach((msg, i) => {
    renderMessage(msg);
    if (log.children[i] !== msg.el) log.insertBefore(msg.el, log.children[i] || null);
  });
  while (log.children.length > ordered.length) log.lastElementChild.remove();
  if (scrollToEnd || nearEnd) log.scrollTop = log.scrollHeight;
}

const STATUS_LABEL = { pending: 'sending…', accepted: 'sent', delivered: 'delivered', read: 'read' };

function fullTime(ms) {
  return new Date(ms).toLocaleString([], { dateStyle: 'full', timeStyle: 'medium' });
}

function renderMessage(msg) {
  if (!msg.el) {
    msg.ui = {
      who: h('span', { className: 'who-sent' }),
      time: h('time', { className: 'when' }),
      body: h('span', { className: 'body' }),
      status: h('span', { className: 'status' }),
    };
    msg.ui.meta = h('span', { className: 'meta' }, [msg.ui.who, ' · ', msg.ui.time]);
    msg.el = h('li', { className: `msg ${msg.mine ? 'mine' : 'theirs'}` }, [msg.ui.meta, msg.ui.body, msg.ui.status]);
    msg.ui.body.textContent = msg.body;
  }
  const li = msg.el;
  li.dataset.from = msg.from;
  if (msg.id) li.dataset.id = msg.id;
  if (msg.clientId) li.dataset.clientId = msg.clientId;
  li.dataset.status = msg.status;
  const ms = timeOf(msg);
  const iso = new Date(ms).toISOString();
  if (msg.ui.time.dateTime !== iso) {
    msg.ui.time.dateTime = iso;
    msg.ui.time.textContent = fmtTime(iso);
    msg.ui.time.title = fullTime(ms);
  }
  const c = msg.mine ? null : state.contacts.get(norm(msg.from));
  msg.ui.who.textContent = msg.mine ? 'me' : (c && c.displayName) || msg.from;
  if (msg.mine) {
    const label = msg.status === 'failed' ? `not sent: ${explain(msg.error || 'error')}` : STATUS_LABEL[msg.status] || msg.status;
    msg.ui.status.textContent = label;
    msg.ui.status.dataset.status = msg.status;
    msg.ui.status.title = label;
    if (msg.status === 'failed' && !msg.ui.retry) {
      msg.ui.retry = h('button', { type: 'button', className: 'retry', text: 'Retry', 'aria-label': 'Send this message again' });
      msg.ui.retry.addEventListener('click', () => retry(msg));
      li.append(msg.ui.retry);
    } else if (msg.status !== 'failed' && msg.ui.retry) {
      msg.ui.retry.remove();
      msg.ui.retry = null;
    }
  } else {
    msg.ui.status.textContent = '';
    msg.ui.status.dataset.status = msg.status;
  }
}

function updateChatControls() {
  const peer = state.openChat;
  const hasChat = Boolean(peer) && Boolean(state.session);
  $('chat-input').disabled = !hasChat;
  $('chat-send').disabled = !hasChat;
  $('chat-empty').hidden = hasChat;
  $('chat-panel').dataset.open = hasChat ? 'yes' : 'no';
  $('chat-view').dataset.chat = hasChat ? 'open' : 'list';
  const conv = hasChat ? getConv(peer) : null;
  $('history-more').hidden = !(conv && conv.historyLoaded && conv.hasMore);
  if (hasChat) updateChatInfo();
}

function updateTitle() {
  let unread = 0;
  for (const c of state.contacts.values()) unread += c.unread || 0;
  document.title = unread ? `(${unread}) Universal IM` : 'Universal IM';
}

// ---------------------------------------------------------------------------------------------
// Wiring

function init() {
  $('register-form').addEventListener('submit', onRegister);
  $('login-form').addEventListener('submit', onLogin);
  $('logout').addEventListener('click', onLogout);
  $('search-form').addEventListener('submit', onSearch);
  $('add-form').addEventListener('submit', onAdd);
  $('presence-form').addEventListener('submit', onPresenceSubmit);
  $('profile-form').addEventListener('submit', onProfileSubmit);
  $('profile-panel').addEventListener('toggle', () => {
    if ($('profile-panel').open && state.session) loadProfile();
  });
  $('chat-form').addEventListener('submit', onChatSubmit);
  $('chat-input').addEventListener('keydown', onChatKeydown);
  $('chat-input').addEventListener('input', onChatInput);
  $('history-more').addEventListener('click', onOlder);
  $('chat-log').addEventListener('scroll', () => {
    const conv = state.openChat && getConv(state.openChat);
    if (conv && conv.hasMore && !conv.loading && $('chat-log').scrollTop < 40) onOlder();
  });
  $('status-clear').addEventListener('click', () => {
    $('status-area').replaceChildren();
    delete $('status-area').dataset.lastCode;
    delete $('status-area').dataset.lastKind;
  });
  $('reconnect-now').addEventListener('click', reconnectNow);
  $('chat-back').addEventListener('click', closeChat);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && state.openChat) markRead(state.openChat);
  });
  window.addEventListener('online', () => {
    if (state.session && !state.ws) reconnectNow();
  });
  window.addEventListener('offline', () => {
    if (state.session && !state.wsReady) setConn('offline', 'offline — no network');
  });
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && state.openChat && document.activeElement === $('chat-input')) closeChat();
  });

  const saved = loadSession();
  if (saved) {
    state.session = saved;
    resetData();
    showViews();
    restorePending();
    connect();
    const chat = sessionStorage.getItem(OPEN_CHAT_KEY);
    if (chat) openChat(chat);
  } else {
    resetData();
    showViews();
    setConn('offline');
  }
  document.body.dataset.ready = 'yes';
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
