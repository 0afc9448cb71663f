'use strict';
(function () {
  const api = '../api/admin/v1/';
  const $ = (id) => document.getElementById(id);
  const pages = ['overview', 'accounts', 'sessions', 'federation', 'audit'];
  let csrf = null;

  async function call(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(api + path, {
      method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (response.status === 401) {
      window.location.replace('login.html');
      throw new Error('not logged in');
    }
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      throw new Error((json && json.error && json.error.message) || ('HTTP ' + response.status));
    }
    return json;
  }

  function flash(message, isError) {
    const el = $('flash');
    el.textContent = message;
    el.classList.toggle('error', !!isError);
    el.hidden = false;
  }

  function cell(row, value) {
    const td = document.createElement('td');
    td.textContent = value === null || value === undefined ? '—' : String(value);
    row.appendChild(td);
    return td;
  }

  function button(td, label, handler, danger) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.dataset.action = label.toLowerCase().replace(/\s+/g, '-');
    if (danger) b.className = 'danger';
    b.addEventListener('click', async () => {
      b.disabled = true;
      try { await handler(b); } catch (e) { flash(e.message, true); } finally { b.disabled = false; }
    });
    td.appendChild(b);
    return b;
  }

  function when(iso) {
    return iso ? new Date(iso).toLocaleString() : null;
  }

  function stats(dl, entries) {
    dl.replaceChildren();
    for (const [label, value, id] of entries) {
      const box = document.createElement('div');
      const dt = document.createElement('dt');
      const dd = document.createElement('dd');
      dt.textContent = label;
      dd.textContent = String(value);
      if (id) dd.id = id;
      box.append(dt, dd);
      dl.appendChild(box);
    }
  }

  // ---- pages ----

  async function overview() {
    const o = await call('GET', 'overview');
    stats($('overview-stats'), [
      ['Accounts', o.accounts, 'stat-accounts'],
      ['Disabled accounts', o.disabledAccounts],
      ['Live sessions', o.liveSessions],
      ['Online users', o.onlineUsers, 'stat-online'],
      ['Connected devices', o.devices, 'stat-devices'],
      ['Messages, last minute', o.messagesLastMinute],
      ['Messages per minute, last hour', o.messagesPerMinuteLastHour]
    ]);
    const body = $('overview-directory');
    body.replaceChildren();
    for (const d of o.directory) {
      const tr = document.createElement('tr');
      cell(tr, d.domain + (d.domain === o.domain ? ' (this ISP)' : ''));
      cell(tr, d.entries);
      body.appendChild(tr);
    }
  }

  async function accounts() {
    const q = encodeURIComponent($('accounts-q').value || '');
    const list = await call('GET', 'accounts?q=' + q);
    const body = $('accounts-rows');
    body.replaceChildren();
    for (const a of list) {
      const tr = document.createElement('tr');
      tr.dataset.address = a.address;
      cell(tr, a.address);
      cell(tr, a.displayName);
      cell(tr, a.listed ? 'yes' : 'no');
      const state = cell(tr, a.disabled ? 'disabled' : 'active');
      state.className = a.disabled ? 'tag-disabled status' : 'status';
      cell(tr, a.online ? a.devices + ' device(s)' : 'offline');
      cell(tr, when(a.createdAt));
      const actions = cell(tr, '');
      const path = 'accounts/' + encodeURIComponent(a.address);
      if (a.disabled) {
        button(actions, 'Enable', async () => { await call('POST', path + '/enable'); flash(a.address + ' enabled'); await accounts(); });
      } else {
        button(actions, 'Disable', async () => { await call('POST', path + '/disable'); flash(a.address + ' disabled and disconnected'); await accounts(); }, true);
      }
      button(actions, 'Reset password', async () => {
        const r = await call('POST', path + '/reset-password');
        const note = $('reset-result');
        note.textContent = 'New password for ' + r.address + ': ' + r.temporaryPassword + ' (shown once; their sessions were ended)';
        note.hidden = false;
      });
      button(actions, 'Delete', async (b) => {
        if (b.dataset.armed !== 'yes') {
          b.dataset.armed = 'yes';
          b.textContent = 'Really delete?';
          return;
        }
        await call('DELETE', path);
        flash(a.address + ' deleted with its data; other ISPs told');
        await accounts();
      }, true);
      body.appendChild(tr);
    }
  }

  async function sessions() {
    const q = encodeURIComponent($('sessions-q').value || '');
    const list = await call('GET', 'sessions?q=' + q);
    const body = $('sessions-rows');
    body.replaceChildren();
    for (const s of list) {
      const tr = document.createElement('tr');
      tr.dataset.session = s.id;
      tr.dataset.address = s.address;
      cell(tr, s.address);
      cell(tr, s.device);
      cell(tr, s.mode);
      cell(tr, when(s.startedAt));
      cell(tr, s.remoteAddress);
      cell(tr, s.connected ? 'yes' : 'no');
      const actions = cell(tr, '');
      button(actions, 'Kick', async () => { await call('DELETE', 'sessions/' + s.id); flash('Session of ' + s.address + ' ended'); await sessions(); }, true);
      body.appendChild(tr);
    }
  }

  async function federation() {
    const f = await call('GET', 'federation');
    const body = $('isp-rows');
    body.replaceChildren();
    for (const isp of f.isps) {
      const tr = document.createElement('tr');
      tr.dataset.domain = isp.domain;
      cell(tr, isp.domain + (isp.local ? ' (this ISP)' : ''));
      cell(tr, isp.local ? 'n/a' : when(isp.lastEnvelopeSeen));
      const entries = cell(tr, isp.directoryEntries);
      entries.className = 'entries';
      cell(tr, isp.blocked ? 'blocked' : '');
      body.appendChild(tr);
    }
    const counts = [['Duplicates dropped', f.duplicates], ['Outbox: envelopes waiting for the broker', f.outboxPending]];
    for (const [reason, n] of Object.entries(f.rejectedByReason)) counts.push(['Rejected: ' + reason, n]);
    for (const [type, n] of Object.entries(f.acceptedByType)) counts.push(['Accepted: ' + type, n]);
    stats($('federation-counts'), counts);
    $('backlog-note').textContent = f.inboxBacklog === null ? 'Inbox backlog: ' + f.inboxBacklogNote : 'Inbox backlog: ' + f.inboxBacklog;
    const blocked = $('blocked-rows');
    blocked.replaceChildren();
    for (const b of f.blockedDomains) {
      const tr = document.createElement('tr');
      tr.dataset.domain = b.domain;
      cell(tr, b.domain);
      cell(tr, b.reason);
      cell(tr, when(b.createdAt));
      const actions = cell(tr, '');
      button(actions, 'Unblock', async () => { await call('DELETE', 'blocked-domains/' + encodeURIComponent(b.domain)); flash(b.domain + ' unblocked'); await federation(); });
      blocked.appendChild(tr);
    }
  }

  async function audit() {
    const list = await call('GET', 'audit');
    const body = $('audit-rows');
    body.replaceChildren();
    for (const a of list) {
      const tr = document.createElement('tr');
      cell(tr, when(a.at));
      cell(tr, a.actor);
      cell(tr, a.action);
      cell(tr, a.target);
      cell(tr, a.detail);
      body.appendChild(tr);
    }
  }

  const loaders = { overview, accounts, sessions, federation, audit };

  async function show() {
    const page = pages.includes(location.hash.slice(1)) ? location.hash.slice(1) : 'overview';
    for (const p of pages) $('page-' + p).hidden = p !== page;
    for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.dataset.page === page);
    $('flash').hidden = true;
    try { await loaders[page](); } catch (e) { flash(e.message, true); }
  }

  function form(id, handler) {
    $(id).addEventListener('submit', async (event) => {
      event.preventDefault();
      try { await handler(); } catch (e) { flash(e.message, true); }
    });
  }

  form('accounts-search', accounts);
  form('sessions-search', sessions);
  form('account-create', async () => {
    const a = await call('POST', 'accounts', {
      username: $('create-username').value,
      displayName: $('create-name').value || null,
      password: $('create-password').value,
      listed: $('create-listed').checked
    });
    $('account-create').reset();
    flash(a.address + ' created');
    await accounts();
  });
  form('block-form', async () => {
    await call('POST', 'blocked-domains', { domain: $('block-domain').value, reason: $('block-reason').value || null });
    $('block-form').reset();
    flash('Domain blocked');
    await federation();
  });
  $('logout').addEventListener('click', async () => {
    try { await call('POST', 'logout'); } finally { window.location.replace('login.html'); }
  });
  window.addEventListener('hashchange', show);

  call('GET', 'me').then((me) => {
    if (!me.operator) { window.location.replace('login.html'); return; }
    csrf = me.csrfToken;
    $('operator').textContent = me.operator;
    $('domain').textContent = me.domain;
    return show();
  }).catch((e) => flash(e.message, true));
})();
