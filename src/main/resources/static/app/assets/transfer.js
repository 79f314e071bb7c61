// 人员转出: tick members of an organisation in scope (transfer-members.js), choose the reason, send
// POST /api/transfer-outs — or all over-age members at once — then follow GET /api/transfer-outs/{id}. The
// API checks everything; the page shows its answers.
'use strict';

(() => {
  const { api, problem, el, formatInstant } = Tuanwu;

  const REASONS = { LEFT_ORG: '离开本组织', OVER_AGE: '超龄', OTHER: '其他' };
  const STATUS = { AWAITING_REVIEW: '待审核', APPLIED: '已转出', REJECTED: '已驳回' };
  const STATUS_HINT = {
    AWAITING_REVIEW: '等待上级团组织在 Tasklist 中审核；审核通过后团员才转出。',
    APPLIED: '团员已转出：在登记库中为“已转出”，记录保留。',
    REJECTED: '上级团组织驳回了这次转出，团员仍在册。'
  };
  // Which field an answer of the API is about, so that the page can point at it.
  const FIELD_OF = {
    E_NOTE_REQUIRED: 'note',
    E_NOTE_TOO_LONG: 'note',
    E_REASON_REQUIRED: 'reason-fieldset',
    E_REASON_INVALID: 'reason-fieldset',
    E_ALL_OVER_AGE_REASON: 'reason-fieldset',
    E_NO_MEMBERS: 'members-fieldset',
    E_TRANSFER_INVALID: 'members-fieldset'
  };

  const form = document.getElementById('transfer-form');
  const button = document.getElementById('transfer-button');
  const overAgeButton = document.getElementById('over-age-button');
  const confirmBox = document.getElementById('over-age-confirm');
  const message = document.getElementById('transfer-message');
  const refusals = document.getElementById('transfer-refusals');
  const note = document.getElementById('note');
  let sending = false;
  let refusedIds = [];
  let poll = { id: null, timer: null, attempts: 0 };

  const picker = OrgPicker.create({
    container: document.getElementById('org-picker'),
    rootSelect: document.getElementById('org-select'),
    onChange: orgChanged,
    onError: (text) => say(text, 'error'),
    belowLabel: (name) => `（不选：${name} 及其全部下级组织）`
  });
  const members = TransferMembers.create({ picker, onTicks: update });

  function say(text, kind) {
    message.textContent = text || '';
    message.className = 'message' + (kind ? ' ' + kind : '');
  }

  function clearErrors() {
    say('');
    refusals.replaceChildren();
    refusals.hidden = true;
    document.getElementById('refusals-actions').hidden = true;
    refusedIds = [];
    document.querySelectorAll('[aria-invalid]').forEach((field) => field.removeAttribute('aria-invalid'));
  }

  function reason() {
    const checked = form.querySelector('input[name="reason"]:checked');
    return checked ? checked.value : '';
  }

  function update() {
    const org = picker.chosen();
    button.disabled = sending || !org || members.count() === 0;
    overAgeButton.disabled = sending || !org;
    const other = reason() === 'OTHER';
    document.getElementById('note-label').textContent = other ? '说明（必填）' : '说明（选择“其他”时必填）';
    note.setAttribute('aria-required', String(other));
    document.getElementById('note-count').textContent = `${note.value.length} / 200`;
  }

  function orgChanged(org) {
    confirmBox.hidden = true;
    document.getElementById('org-chosen').textContent = org ? `将转出 ${picker.label(org)} 及其下级组织的团员` : '';
    members.showOrg(org);
  }

  // A field the API complained about stops being marked once the admin changes it.
  form.addEventListener('change', (event) => {
    if (event.target.name === 'reason') {
      document.getElementById('reason-fieldset').removeAttribute('aria-invalid');
      note.removeAttribute('aria-invalid');
      update();
    }
  });
  note.addEventListener('input', () => {
    note.removeAttribute('aria-invalid');
    update();
  });

  // ---- sending

  async function send(body) {
    if (sending) {
      return;
    }
    sending = true;
    clearErrors();
    update();
    say('正在提交……');
    try {
      const response = await api('/transfer-outs', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body)
      });
      if (response.status === 202) {
        const accepted = await response.json();
        say(`已提交：${accepted.count} 名团员。本页会自动刷新状态。`, 'ok');
        members.untick(members.ids());
        follow(accepted.id);
      } else {
        await refused(response);
      }
    } catch (e) {
      say('提交中断：网络连接失败，请检查网络后重试。', 'error');
    } finally {
      sending = false;
      update();
    }
  }

  /** The API's answer in Chinese, pointing at the field or the members to fix. */
  async function refused(response) {
    let body = {};
    try {
      body = await response.json();
    } catch (ignored) {
      // No problem detail: the status says enough.
    }
    if (response.status === 403) {
      say(body.code === 'CSRF_TOKEN_INVALID'
        ? '页面已过期，请刷新页面后重新提交。'
        : `没有权限：${body.detail || '只有该团组织（或其上级）的管理员可以转出团员'}`, 'error');
      return;
    }
    say(body.detail || `提交失败（HTTP ${response.status}），请稍后重试。`, 'error');
    const field = document.getElementById(FIELD_OF[body.code] || '');
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      if (field.id === 'note') {
        field.focus();
      }
    }
    const cannotGo = Array.isArray(body.members) ? body.members : [];
    refusedIds = cannotGo.map((member) => member.id);
    refusals.replaceChildren(...cannotGo.map((member) => {
      const known = members.ticked(member.id);
      const who = known ? `${known.name}（${known.idNumberMasked}）` : (member.idNumberMasked || `编号 ${member.id}`);
      return el('li', { 'data-member-id': member.id, 'data-code': member.code },
        el('strong', { text: who }), `：${member.message || member.code}`);
    }));
    refusals.hidden = cannotGo.length === 0;
    document.getElementById('refusals-actions').hidden = cannotGo.length === 0;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const org = picker.chosen();
    if (!org || members.count() === 0) {
      return;
    }
    // Sent as typed: the API decides whether the reason and the note are enough, and says what is missing.
    send({ orgCode: org, memberIds: members.ids(), reason: reason() || null, note: note.value });
  });

  document.getElementById('drop-refused').addEventListener('click', () => {
    const ids = refusedIds;
    clearErrors();
    members.untick(ids);
  });

  // ---- one click: every over-age member

  overAgeButton.addEventListener('click', async () => {
    const org = picker.chosen();
    if (!org) {
      return;
    }
    clearErrors();
    try {
      const query = new URLSearchParams({ orgCode: org, status: 'ACTIVE', overAge: 'true', page: '0', size: '1' });
      const response = await api(`/members?${query}`);
      if (!response.ok) {
        const details = await problem(response);
        say(details.detail || `无法统计超龄团员（HTTP ${response.status}）`, 'error');
        return;
      }
      const count = (await response.json()).totalElements;
      if (count === 0) {
        say(`${picker.label(org)} 及其下级组织中没有年满 28 周岁的在册团员，无需转出。`, 'ok');
        return;
      }
      document.getElementById('over-age-question').textContent =
        `将把 ${picker.label(org)} 及其下级组织中 ${count} 名年满 28 周岁的团员（团干部除外）按“超龄”转出，直接生效，无需审核。确定转出吗？`;
      confirmBox.hidden = false;
      document.getElementById('over-age-confirm-button').focus();
    } catch (e) {
      say('无法统计超龄团员：网络连接失败，请稍后重试。', 'error');
    }
  });

  document.getElementById('over-age-cancel-button').addEventListener('click', () => {
    confirmBox.hidden = true;
    overAgeButton.focus();
  });

  document.getElementById('over-age-confirm-button').addEventListener('click', () => {
    confirmBox.hidden = true;
    send({ orgCode: picker.chosen(), allOverAge: true, reason: 'OVER_AGE' });
  });

  // ---- following the transfer

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
    let transfer = null;
    try {
      const response = await api(`/transfer-outs/${encodeURIComponent(id)}`);
      if (!response.ok) {
        const details = await problem(response);
        say(details.detail || `无法读取转出状态（HTTP ${response.status}）`, 'error');
        return;
      }
      transfer = await response.json();
    } catch (e) {
      say('无法读取转出状态：网络连接失败，稍后自动重试。', 'error');
    }
    if (transfer) {
      show(transfer);
      // "已提交" is over once the transfer is decided; the status line says what happened.
      if (transfer.status !== 'AWAITING_REVIEW' && message.className.includes('ok')) {
        say('');
      }
    }
    // A review may take days: poll briskly at first, then now and then, and stop after about an hour.
    if ((!transfer || transfer.status === 'AWAITING_REVIEW') && poll.attempts < 250) {
      poll.attempts += 1;
      poll.timer = window.setTimeout(refresh, poll.attempts < 30 ? 2000 : 15000);
    }
  }

  function show(transfer) {
    document.getElementById('transfer-result').hidden = false;
    document.getElementById('transfer-org').textContent = picker.label(transfer.orgCode);
    document.getElementById('transfer-reason').textContent =
      (REASONS[transfer.reason] || transfer.reason) + (transfer.note ? `：${transfer.note}` : '');
    document.getElementById('transfer-count').textContent = `${transfer.count} 人`;
    document.getElementById('transfer-time').textContent = formatInstant(transfer.requestedAt);
    const byRule = transfer.reason === 'OVER_AGE';
    const status = document.getElementById('transfer-status');
    status.textContent = byRule && transfer.status === 'AWAITING_REVIEW' ? '转出中' : (STATUS[transfer.status] || transfer.status);
    status.dataset.status = transfer.status;
    document.getElementById('transfer-status-hint').textContent = byRule && transfer.status === 'AWAITING_REVIEW'
      ? '超龄转出按规则直接生效，无需审核，正在转出……' : (STATUS_HINT[transfer.status] || '');
    let decision = '—';
    if (byRule && transfer.status !== 'REJECTED') {
      decision = '按规则（超龄）无需审核';
    } else if (transfer.decidedBy) {
      decision = `${transfer.decidedBy}，${formatInstant(transfer.decidedAt)}${transfer.comment ? `，意见：${transfer.comment}` : ''}`;
    } else if (transfer.status === 'AWAITING_REVIEW') {
      decision = '等待审核';
    }
    document.getElementById('transfer-decision').textContent = decision;
    if (transfer.status === 'APPLIED' && poll.shownStatus !== 'APPLIED') {
      members.reload();
    }
    poll.shownStatus = transfer.status;
  }

  document.getElementById('transfer-refresh').addEventListener('click', () => {
    poll.attempts = 0;
    refresh();
  });

  document.addEventListener('DOMContentLoaded', () => {
    picker.start();
    update();
    const id = new URLSearchParams(window.location.search).get('id');
    if (id) {
      follow(id);
    }
  });
})();
