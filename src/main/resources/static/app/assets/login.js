// The login page: says why it is shown again, and posts the CSRF token from its cookie with the form.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  const query = new URLSearchParams(window.location.search);
  document.getElementById('login-error').hidden = !query.has('error');
  document.getElementById('login-logout').hidden = !query.has('logout');
  document.getElementById('login-expired').hidden = !query.has('expired');

  const form = document.getElementById('login-form');
  form.addEventListener('submit', (event) => {
    const token = document.cookie.split(';').map((part) => part.trim())
      .find((part) => part.startsWith('TUANWU-XSRF-TOKEN='));
    if (!token) {
      event.preventDefault();
      document.getElementById('login-cookies').hidden = false;
      return;
    }
    document.getElementById('login-csrf').value = decodeURIComponent(token.substring('TUANWU-XSRF-TOKEN='.length));
  });
});
