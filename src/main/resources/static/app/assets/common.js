// 团务 pages: what every page shares. No framework, no build step; data goes into the page as text only.
'use strict';

const Tuanwu = (() => {
  const CSRF_COOKIE = 'TUANWU-XSRF-TOKEN';
  const API = '../api';

  function cookie(name) {
    const prefix = name + '=';
    for (const part of document.cookie.split(';')) {
      const item = part.trim();
      if (item.startsWith(prefix)) {
        return decodeURIComponent(item.substring(prefix.length));
      }
    }
    return null;
  }

  /** The CSRF token that state-changing requests made with the session must carry. */
  function csrfToken() {
    return cookie(CSRF_COOKIE);
  }

  /** A call to /api with the session; a lost login goes back to the login page. */
  async function api(path, options = {}) {
    const headers = new Headers(options.headers || {});
    headers.set('Accept', 'application/json');
    headers.set('X-Requested-With', 'XMLHttpRequest');
    const method = (options.method || 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      const token = csrfToken();
      if (token) {
        headers.set('X-XSRF-TOKEN', token);
      }
    }
    const response = await fetch(API + path, { ...options, method, headers, credentials: 'same-origin' });
    if (response.status === 401) {
      window.location.assign('login');
      throw new Error('登录已失效，请重新登录');
    }
    return response;
  }

  /** The problem detail's message of a failed response, or null. */
  async function problem(response) {
    try {
      const body = await response.json();
      return { code: body.code || null, detail: body.detail || null };
    } catch (e) {
      return { code: null, detail: null };
    }
  }

  /** An element with attributes and children; strings become text nodes, never HTML. */
  function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null || value === undefined || value === false) {
        continue;
      }
      if (name === 'text') {
        element.textContent = value;
      } else if (name === 'className') {
        element.className = value;
      } else if (name.startsWith('on') && typeof value === 'function') {
        element.addEventListener(name.substring(2), value);
      } else {
        element.setAttribute(name, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) {
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    }
    return element;
  }

  const dateTime = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hour12: false
  });

  /** An instant as Shanghai time, e.g. 2017/09/01 08:30. */
  function formatInstant(value) {
    return value ? dateTime.format(new Date(value)) : '—';
  }

  const CATEGORIES = [
    ['DISTRICT', '团区委'],
    ['COLLEGE', '大专院校团委'],
    ['SECTOR', '大口团工委'],
    ['BUREAU_COMPANY', '委、局、公司团委'],
    ['MUNICIPAL_UNIT', '市属单位团组织'],
    ['CENTRAL_UNIT', '中央在沪单位团委']
  ];

  /** The logout button posts the CSRF token; the session then ends on the server. */
  function wireLogout() {
    const form = document.getElementById('logout-form');
    if (form) {
      form.addEventListener('submit', () => {
        form.querySelector('input[name="_csrf"]').value = csrfToken() || '';
      });
    }
  }

  document.addEventListener('DOMContentLoaded', wireLogout);

  return { api, problem, el, csrfToken, formatInstant, CATEGORIES };
})();
