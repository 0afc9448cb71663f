'use strict';
(function () {
  const api = '../api/admin/v1/';
  const $ = (id) => document.getElementById(id);

  async function status() {
    const response = await fetch(api + 'status', { credentials: 'same-origin' });
    const body = await response.json();
    $('domain').textContent = body.domain || '';
    if (body.operator) {
      window.location.replace('./');
      return;
    }
    if (!body.configured) {
      $('not-configured').hidden = false;
      $('login').disabled = true;
    }
  }

  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('login-error').textContent = '';
    $('login').disabled = true;
    try {
      const response = await fetch(api + 'login', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: $('username').value, password: $('password').value })
      });
      if (response.ok) {
        window.location.replace('./');
        return;
      }
      const body = await response.json().catch(() => ({}));
      $('login-error').textContent = (body.error && body.error.message) || ('Login failed (' + response.status + ')');
    } catch (e) {
      $('login-error').textContent = 'The server cannot be reached.';
    } finally {
      $('login').disabled = false;
    }
  });

  status().catch(() => { $('login-error').textContent = 'The server cannot be reached.'; });
})();
