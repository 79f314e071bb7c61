// 上传: pick an organisation in scope, send the file to POST /api/imports, then follow GET /api/imports/{id}.
'use strict';

(() => {
  const { api, problem, el, formatInstant } = Tuanwu;

  const STATUS = {
    VALIDATING: '校验中',
    AWAITING_REVIEW: '待审核',
    APPLYING: '写入中',
    APPLIED: '已写入',
    REJECTED: '未通过',
    FAILED: '失败',
    NOTHING_TO_APPLY: '无可写入'
  };
  const STATUS_HINT = {
    VALIDATING: '正在逐行校验，请稍候……',
    AWAITING_REVIEW: '校验完成，等待上级团组织在 Tasklist 中审核。',
    APPLYING: '审核已通过，正在写入登记库……',
    APPLIED: '审核已通过，已写入登记库。',
    REJECTED: '审核未通过：请按审核意见修改后重新上传。',
    FAILED: '文件无法处理：请按下面的说明修改后重新上传。',
    NOTHING_TO_APPLY: '没有需要写入的行（每行都已拒绝或没有变化），无需审核。'
  };
  const OUTCOMES = [['NEW', '新增'], ['UPDATED', '更新'], ['REACTIVATED', '恢复'], ['UNCHANGED', '无变化'], ['REJECTED', '已拒绝']];
  const RUNNING = new Set(['VALIDATING', 'APPLYING']);
  const EXTENSIONS = ['.xlsx', '.xls', '.csv'];

  const picker = document.getElementById('org-picker');
  const rootSelect = document.getElementById('org-select');
  const fileInput = document.getElementById('file-input');
  const dropZone = document.getElementById('drop-zone');
  const button = document.getElementById('upload-button');
  const message = document.getElementById('upload-message');
  const levels = [rootSelect];
  const names = new Map();
  let file = null;
  let uploading = false;
  let poll = { id: null, timer: null, attempts: 0 };

  function say(text, kind, about) {
    message.textContent = text || '';
    message.className = 'message' + (kind ? ' ' + kind : '');
    message.dataset.about = about || '';
  }

  function orgLabel(code) {
    return names.has(code) ? `${names.get(code)}（${code}）` : code;
  }

  // ---- the organisation, level by level

  function chosenOrg() {
    for (let i = levels.length - 1; i >= 0; i--) {
      if (levels[i].value) {
        return levels[i].value;
      }
    }
    return '';
  }

  function update() {
    const org = chosenOrg();
    document.getElementById('org-chosen').textContent = org ? `将为 ${orgLabel(org)} 上传` : '';
    button.disabled = uploading || !org || !file;
  }

  async function loadOrgs(path) {
    const response = await api(path);
    if (!response.ok) {
      const details = await problem(response);
      throw new Error(details.detail || `无法读取团组织（HTTP ${response.status}）`);
    }
    const orgs = await response.json();
    orgs.forEach((org) => names.set(org.code, org.name));
    return orgs;
  }

  function fill(select, orgs, emptyLabel) {
    select.replaceChildren(el('option', { value: '', text: emptyLabel }),
      ...orgs.map((org) => el('option', { value: org.code, text: `${org.name}（${org.code}）` })));
  }

  async function chose(level) {
    levels.splice(level + 1).forEach((select) => select.closest('.org-level').remove());
    update();
    const code = levels[level].value;
    if (!code) {
      return;
    }
    try {
      const children = await loadOrgs(`/orgs/${encodeURIComponent(code)}/children`);
      if (levels[level].value !== code || children.length === 0) {
        return;
      }
      const id = `org-select-${level + 1}`;
      const select = el('select', { id, name: id, onchange: () => chose(level + 1) });
      fill(select, children, `（不选：上传到 ${names.get(code)}）`);
      picker.append(el('div', { className: 'org-level' },
        el('label', { for: id, text: `${names.get(code)} 的下级团组织` }), select));
      levels.push(select);
    } catch (e) {
      say(e.message, 'error');
    }
  }

  async function loadRoots() {
    try {
      const roots = await loadOrgs('/orgs');
      if (roots.length === 0) {
        fill(rootSelect, [], '（没有可选的团组织）');
        say('您的账号不管理任何团组织，无法上传。如有疑问，请联系上级团组织。', 'error');
        return;
      }
      fill(rootSelect, roots, '请选择团组织');
      if (roots.length === 1) {
        rootSelect.value = roots[0].code;
        await chose(0);
      }
    } catch (e) {
      fill(rootSelect, [], '（加载失败）');
      say(e.message, 'error');
    }
  }

  // ---- the file

  /** A small file in KB: "0.00 MB" reads as an empty file. */
  function size(bytes) {
    return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  }

  function choose(candidate) {
    file = null;
    const chosen = document.getElementById('file-chosen');
    chosen.textContent = '';
    if (candidate) {
      const name = candidate.name.toLowerCase();
      if (!EXTENSIONS.some((extension) => name.endsWith(extension))) {
        say('只能上传 Excel 文件（.xlsx 或 .xls）或 CSV 文件。', 'error');
      } else {
        file = candidate;
        chosen.textContent = `已选择：${candidate.name}（${size(candidate.size)}）`;
        say('');
      }
    }
    update();
  }

  fileInput.addEventListener('change', () => choose(fileInput.files[0]));
  ['dragenter', 'dragover'].forEach((type) => dropZone.addEventListener(type, (event) => {
    event.preventDefault();
    dropZone.classList.add('dragging');
  }));
  ['dragleave', 'drop'].forEach((type) => dropZone.addEventListener(type, () => dropZone.classList.remove('dragging')));
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    const dropped = event.dataTransfer && event.dataTransfer.files;
    if (dropped && dropped.length > 0) {
      try {
        fileInput.files = dropped;
      } catch (ignored) {
        // Older browsers cannot set the input's files; the dropped file is sent all the same.
      }
      choose(dropped[0]);
    }
  });

  // ---- sending it

  async function refusal(response) {
    const details = await problem(response);
    const detail = details.detail ? `（${details.detail}）` : '';
    switch (response.status) {
      case 413:
        return `文件太大，超过了上传上限${detail}。请拆分成几个较小的文件分别上传。`;
      case 415:
        return `无法读取该文件：请上传 Excel 文件（.xlsx 或 .xls）或 CSV 文件，不要只修改文件扩展名${detail}。`;
      case 403:
        return details.code === 'CSRF_TOKEN_INVALID'
          ? '页面已过期，请刷新页面后重新上传。'
          : `没有权限：只有该团组织或其上级团组织的管理员可以上传${detail}。`;
      default:
        return details.detail || `上传失败（HTTP ${response.status}），请稍后重试。`;
    }
  }

  document.getElementById('upload-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const org = chosenOrg();
    if (!org || !file || uploading) {
      return;
    }
    uploading = true;
    update();
    say(`正在上传 ${file.name}……`);
    const data = new FormData();
    data.append('file', file, file.name);
    try {
      const response = await api(`/imports?orgCode=${encodeURIComponent(org)}`, { method: 'POST', body: data });
      if (response.status === 202) {
        const accepted = await response.json();
        say('文件已上传，正在校验。本页会自动刷新状态。', 'ok', accepted.id);
        follow(accepted.id);
      } else {
        say(await refusal(response), 'error');
      }
    } catch (e) {
      say('上传中断：网络连接失败，或文件过大被服务器拒绝。请检查网络和文件大小后重试。', 'error');
    } finally {
      uploading = false;
      update();
    }
  });

  // ---- following the upload

  function follow(id) {
    window.clearTimeout(poll.timer);
    poll = { id, timer: null, attempts: 0 };
    const url = new URL(window.location.href);
    url.searchParams.set('id', id);
    window.history.replaceState(null, '', url);
    refresh();
  }

  async function refresh() {
    const id = poll.id;
    if (!id) {
      return;
    }
    window.clearTimeout(poll.timer);
    let upload;
    try {
      const response = await api(`/imports/${encodeURIComponent(id)}`);
      if (!response.ok) {
        const details = await problem(response);
        say(details.detail || `无法读取上传状态（HTTP ${response.status}）`, 'error');
        return;
      }
      upload = await response.json();
    } catch (e) {
      say('无法读取上传状态：网络连接失败，稍后自动重试。', 'error');
      upload = null;
    }
    if (upload) {
      show(upload);
      // "正在校验" is over once the status has moved on; the status line says what happens next.
      if (upload.status !== 'VALIDATING' && message.dataset.about === upload.id) {
        say('');
      }
    }
    if (!upload || RUNNING.has(upload.status)) {
      poll.attempts += 1;
      poll.timer = window.setTimeout(refresh, poll.attempts < 30 ? 2000 : 10000);
    }
  }

  function show(upload) {
    document.getElementById('upload-result').hidden = false;
    document.getElementById('upload-file-name').textContent = upload.fileName || '—';
    document.getElementById('upload-org').textContent = orgLabel(upload.orgCode);
    document.getElementById('upload-time').textContent = formatInstant(upload.uploadedAt);

    const status = document.getElementById('upload-status');
    status.textContent = STATUS[upload.status] || upload.status;
    status.dataset.status = upload.status;
    document.getElementById('upload-status-hint').textContent = STATUS_HINT[upload.status] || '';

    const late = document.getElementById('upload-late');
    late.textContent = upload.late ? '逾期：在本组织的报送时间窗口之外（照常处理，但计为逾期）' : '按时：在报送时间窗口之内';
    late.className = upload.late ? 'late' : '';
    late.dataset.late = String(Boolean(upload.late));

    const decided = upload.decidedBy
      ? `${upload.decidedBy}，${formatInstant(upload.decidedAt)}${upload.comment ? `，意见：${upload.comment}` : ''}`
      : (upload.status === 'AWAITING_REVIEW' ? '等待审核' : '—');
    document.getElementById('upload-decision').textContent = decided;

    const failure = document.getElementById('upload-failure');
    failure.hidden = !(upload.failureMessage || upload.failureCode);
    failure.textContent = failure.hidden ? ''
      : `失败原因：${upload.failureMessage || '文件无法处理'}${upload.failureCode ? `（${upload.failureCode}）` : ''}`;

    const counts = upload.counts || {};
    const counted = upload.status !== 'VALIDATING' && upload.status !== 'FAILED';
    document.querySelector('#upload-counts tbody').replaceChildren(...OUTCOMES.map(([outcome, label]) =>
      el('tr', { 'data-outcome': outcome },
        el('th', { scope: 'row', text: label }),
        el('td', { className: 'number', text: counted ? String(counts[outcome] || 0) : '—' }))));
    document.getElementById('upload-warnings').textContent = counted && upload.warnings > 0
      ? `另有 ${upload.warnings} 行带提示：可以写入，但请核对（见错误报告）。` : '';

    const report = document.getElementById('error-report-link');
    report.hidden = !(counted && ((counts.REJECTED || 0) > 0 || upload.warnings > 0));
    report.href = `../api/imports/${encodeURIComponent(upload.id)}/errors.xlsx`;
  }

  document.getElementById('refresh-button').addEventListener('click', () => {
    poll.attempts = 0;
    refresh();
  });

  document.addEventListener('DOMContentLoaded', () => {
    rootSelect.addEventListener('change', () => chose(0));
    loadRoots();
    const id = new URLSearchParams(window.location.search).get('id');
    if (id) {
      follow(id);
    }
  });
})();
