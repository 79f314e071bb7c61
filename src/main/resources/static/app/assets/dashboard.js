// 督查看板: GET /api/campaigns/{year}/progress as a table, filtered by category and sorted by any column.
'use strict';

(() => {
  const { api, problem, el, formatInstant, CATEGORIES } = Tuanwu;

  const CATEGORY = new Map(CATEGORIES);
  const CATEGORY_ORDER = new Map(CATEGORIES.map(([code], index) => [code, index]));
  const STATE = { NOT_OPEN: '未开始', OPEN: '报送中', ESCALATED: '督办中', DONE: '已结束' };
  const STATE_ORDER = { NOT_OPEN: 0, OPEN: 1, ESCALATED: 2, DONE: 3 };
  const OUTCOME = { ON_TIME: '按时完成', REMEDIATED: '整改后完成', ESCALATED_TO_CITY: '团市委督办' };
  const LEVEL = ['未督办', '一级督办', '二级督办'];
  const NOTICE_STATUS = { PENDING: '待发送', SENDING: '发送中', SENT: '已发送', FAILED: '发送失败', HELD: '暂存（未配置邮件服务器）' };
  const CHANNEL = { INBOX: '站内', EMAIL: '邮件' };
  const COCKPIT = '../camunda/app/cockpit/default/#';
  const SUPERVISION_PROCESS = 'org-supervision';
  const LOW_RATE = 0.6;

  const yearSelect = document.getElementById('year-select');
  const categoryFilter = document.getElementById('category-filter');
  const table = document.getElementById('progress-table');
  const message = document.getElementById('dashboard-message');
  const panel = document.getElementById('notifications-panel');
  let rows = [];
  let sort = { key: null, direction: 1 };
  let opener = null;

  function say(text, kind) {
    message.textContent = text || '';
    message.className = 'message' + (kind ? ' ' + kind : '');
  }

  const newMembers = (row) => row.figures.newStudents + row.figures.newEmployees + row.figures.newlyDeveloped;

  /** What a column sorts by: numbers as numbers, words in their natural order. */
  const SORT_VALUE = {
    orgName: (row) => row.orgName,
    category: (row) => CATEGORY_ORDER.get(row.category) ?? 99,
    windowStart: (row) => row.windowStart || '',
    state: (row) => STATE_ORDER[row.state] ?? 99,
    escalationLevel: (row) => row.escalationLevel || 0,
    outcome: (row) => (row.outcome ? OUTCOME[row.outcome] || row.outcome : '\uffff'),
    activeMembers: (row) => row.figures.activeMembers,
    uploadedInWindow: (row) => row.figures.uploadedInWindow,
    registrationRate: (row) => Number(row.figures.registrationRate),
    unregistered: (row) => row.figures.unregistered,
    newMembers,
    pendingReviews: (row) => row.figures.pendingReviews,
    overAgeActive: (row) => row.figures.overAgeActive
  };

  function compare(a, b) {
    const value = SORT_VALUE[sort.key];
    const left = value(a);
    const right = value(b);
    const order = typeof left === 'string' ? left.localeCompare(right, 'zh-CN') : left - right;
    return order * sort.direction || a.orgCode.localeCompare(b.orgCode);
  }

  // ---- controls

  function fillControls() {
    const params = new URLSearchParams(window.location.search);
    const thisYear = new Date().getFullYear();
    const wanted = Number(params.get('year')) || thisYear;
    const years = [];
    for (let year = Math.max(thisYear + 1, wanted); year >= Math.min(2010, wanted); year--) {
      years.push(year);
    }
    yearSelect.replaceChildren(...years.map((year) => el('option', { value: String(year), text: `${year} 年` })));
    yearSelect.value = String(wanted);
    categoryFilter.append(...CATEGORIES.map(([code, label]) => el('option', { value: code, text: label })));
    categoryFilter.value = CATEGORY.has(params.get('category')) ? params.get('category') : '';
  }

  function remember() {
    const url = new URL(window.location.href);
    url.searchParams.set('year', yearSelect.value);
    if (categoryFilter.value) {
      url.searchParams.set('category', categoryFilter.value);
    } else {
      url.searchParams.delete('category');
    }
    window.history.replaceState(null, '', url);
  }

  // ---- loading

  async function load() {
    const year = yearSelect.value;
    remember();
    closeNotifications();
    const xlsx = document.getElementById('progress-xlsx-link');
    xlsx.hidden = true;
    say(`正在读取 ${year} 年的督查进度……`);
    let response;
    try {
      response = await api(`/campaigns/${encodeURIComponent(year)}/progress`);
    } catch (e) {
      say('无法读取督查进度：网络连接失败，请稍后刷新。', 'error');
      return;
    }
    if (!response.ok) {
      rows = [];
      render();
      const details = await problem(response);
      if (response.status === 404) {
        say(`没有 ${year} 年的督查：该年度的团员信息采集工作尚未启动。请选择其他年度。`, 'error');
      } else if (response.status === 403) {
        say(details.detail || '您的账号无权查看督查进度。', 'error');
      } else {
        say(details.detail || `无法读取督查进度（HTTP ${response.status}）。`, 'error');
      }
      message.dataset.code = details.code || String(response.status);
      return;
    }
    rows = await response.json();
    message.dataset.code = '';
    xlsx.href = `../api/campaigns/${encodeURIComponent(year)}/progress.xlsx`;
    xlsx.hidden = rows.length === 0;
    say(rows.length === 0 ? `${year} 年的督查中，没有您权限范围内的市属团组织。` : '');
    render();
  }

  // ---- the table

  function bar(fraction, kind) {
    const fill = el('span', { className: 'fill' + (kind ? ' ' + kind : '') });
    // CSSOM, not a style attribute: the page's Content-Security-Policy allows no inline styles.
    fill.style.width = `${Math.max(0, Math.min(1, fraction)) * 100}%`;
    return el('span', { className: 'track', 'aria-hidden': 'true' }, fill);
  }

  function percent(rate) {
    return `${(Number(rate) * 100).toFixed(1)}%`;
  }

  function row(item, maxUploaded, year) {
    const figures = item.figures;
    const rate = Number(figures.registrationRate);
    const businessKey = `campaign-${year}:${item.orgCode}`;
    const cockpit = `${COCKPIT}/processes?pdSearchQuery=${encodeURIComponent(JSON.stringify(
      [{ type: 'key', operator: 'eq', value: SUPERVISION_PROCESS, name: '' }]))}`;
    return el('tr', { 'data-org-code': item.orgCode },
      el('th', { scope: 'row' }, item.orgName, el('br'), el('span', { className: 'code', text: item.orgCode })),
      el('td', { text: CATEGORY.get(item.category) || item.category || '—' }),
      el('td', { text: item.windowStart ? `${item.windowStart} 至 ${item.windowEnd}` : '—' }),
      el('td', {}, el('span', { className: 'status', 'data-state': item.state, text: STATE[item.state] || item.state || '—' })),
      el('td', { 'data-level': item.escalationLevel, text: LEVEL[item.escalationLevel] || `${item.escalationLevel} 级督办` }),
      el('td', { text: item.outcome ? OUTCOME[item.outcome] || item.outcome : '—' }),
      el('td', { className: 'number', text: String(figures.activeMembers) }),
      el('td', {}, el('span', { className: 'figure' },
        bar(maxUploaded ? figures.uploadedInWindow / maxUploaded : 0),
        el('span', { className: 'value', text: String(figures.uploadedInWindow) }))),
      el('td', {}, el('span', { className: 'figure' },
        bar(rate, 'rate' + (rate < LOW_RATE ? ' low' : '')),
        el('span', { className: 'value', text: percent(rate) }))),
      el('td', { className: 'number', text: String(figures.unregistered) }),
      el('td', { className: 'number', text: `${figures.newStudents} / ${figures.newEmployees} / ${figures.newlyDeveloped}` }),
      el('td', { className: 'number', text: String(figures.pendingReviews) }),
      el('td', { className: 'number', text: String(figures.overAgeActive) }),
      el('td', {}, el('span', { className: 'links' },
        el('a', { href: `../api/orgs/${encodeURIComponent(item.orgCode)}/unregistered.xlsx`,
          'aria-label': `${item.orgName} 的未登录详情（Excel）`, text: '未登录详情' }),
        el('button', { type: 'button', 'aria-label': `${item.orgName} 的通知`, text: '通知',
          onclick: (event) => openNotifications(item, businessKey, event.currentTarget) }),
        el('a', { href: cockpit, title: `在 Cockpit 中打开督查流程，按业务键 ${businessKey} 查找`,
          'aria-label': `在 Cockpit 中查看 ${item.orgName} 的督查流程（业务键 ${businessKey}）`, text: 'Cockpit' }))));
  }

  function render() {
    const year = yearSelect.value;
    const category = categoryFilter.value;
    const visible = rows.filter((item) => !category || item.category === category);
    if (sort.key) {
      visible.sort(compare);
    }
    const maxUploaded = Math.max(0, ...visible.map((item) => item.figures.uploadedInWindow));
    table.querySelector('tbody').replaceChildren(...visible.map((item) => row(item, maxUploaded, year)));
    table.hidden = rows.length === 0;
    document.getElementById('progress-caption').textContent =
      `${year} 年各市属团组织进度${category ? `（${CATEGORY.get(category)}）` : ''}`;
    document.getElementById('progress-summary').textContent = rows.length === 0 ? '' : summary(visible);
  }

  function summary(visible) {
    const count = (state) => visible.filter((item) => item.state === state).length;
    const active = visible.reduce((sum, item) => sum + item.figures.activeMembers, 0);
    const registered = visible.reduce((sum, item) => sum + item.figures.registered, 0);
    return `显示 ${visible.length} / ${rows.length} 个团组织：报送中 ${count('OPEN')}，督办中 ${count('ESCALATED')}，`
      + `已结束 ${count('DONE')}，未开始 ${count('NOT_OPEN')}；合计登录率 ${active ? percent(registered / active) : '—'}。`;
  }

  function sortBy(key) {
    sort = sort.key === key ? { key, direction: -sort.direction } : { key, direction: 1 };
    table.querySelectorAll('thead th').forEach((th) => {
      const button = th.querySelector('button[data-sort]');
      if (button) {
        th.setAttribute('aria-sort', button.dataset.sort !== key ? 'none'
          : (sort.direction === 1 ? 'ascending' : 'descending'));
      }
    });
    render();
  }

  // ---- notifications of one organisation

  async function openNotifications(item, businessKey, button) {
    opener = button;
    panel.hidden = false;
    const title = document.getElementById('notifications-title');
    title.textContent = `通知：${item.orgName}（${item.orgCode}），督查流程业务键 ${businessKey}`;
    title.focus();
    const body = document.querySelector('#notifications-table tbody');
    body.replaceChildren();
    const status = document.getElementById('notifications-message');
    status.textContent = '正在读取……';
    try {
      const response = await api(`/notifications?orgCode=${encodeURIComponent(item.orgCode)}&size=50`);
      if (!response.ok) {
        const details = await problem(response);
        status.textContent = details.detail || `无法读取通知（HTTP ${response.status}）`;
        return;
      }
      const page = await response.json();
      status.textContent = page.totalElements === 0 ? '没有通知。' : `共 ${page.totalElements} 条。`;
      body.replaceChildren(...page.content.map((notice) => el('tr', {},
        el('td', { text: formatInstant(notice.createdAt) }),
        el('td', {}, el('details', {}, el('summary', { text: notice.subject || '（无主题）' }),
          el('p', { className: 'hint', text: notice.body || '' }))),
        el('td', { text: notice.recipient || '—' }),
        el('td', { text: CHANNEL[notice.channel] || notice.channel }),
        el('td', { text: notice.escalationLevel ? LEVEL[notice.escalationLevel] || String(notice.escalationLevel) : '—' }),
        el('td', { text: NOTICE_STATUS[notice.status] || notice.status }),
        el('td', {}, notice.processInstanceId
          ? el('a', { href: `${COCKPIT}/process-instance/${encodeURIComponent(notice.processInstanceId)}/runtime`,
            text: 'Cockpit' })
          : '—'))));
    } catch (e) {
      status.textContent = '无法读取通知：网络连接失败。';
    }
  }

  function closeNotifications() {
    panel.hidden = true;
    if (opener && document.contains(opener)) {
      opener.focus();
    }
    opener = null;
  }

  document.addEventListener('DOMContentLoaded', () => {
    fillControls();
    table.querySelectorAll('thead button[data-sort]').forEach((button) =>
      button.addEventListener('click', () => sortBy(button.dataset.sort)));
    yearSelect.addEventListener('change', load);
    categoryFilter.addEventListener('change', () => {
      remember();
      render();
    });
    document.getElementById('dashboard-controls').addEventListener('submit', (event) => {
      event.preventDefault();
      load();
    });
    document.getElementById('notifications-close').addEventListener('click', closeNotifications);
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        closeNotifications();
      }
    });
    load();
  });
})();
