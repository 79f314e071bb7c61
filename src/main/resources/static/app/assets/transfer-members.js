// 人员转出's member list: the active members of the chosen organisation's subtree (GET /api/members), page by
// page, found by name or narrowed to the over-age, and the ticks, which stay across pages and searches.
'use strict';

const TransferMembers = (() => {
  const { api, problem, el } = Tuanwu;

  const PAGE_SIZE = 20;

  /** {@code picker} names the organisations; {@code onTicks()} is called whenever the ticks change. */
  function create({ picker, onTicks }) {
    const selected = new Map();
    const status = document.getElementById('members-message');
    let list = { org: '', q: '', overAge: false, page: 0, totalPages: 0, members: [] };

    async function load() {
      const { org, q, overAge, page } = list;
      const table = document.getElementById('members-table');
      if (!org) {
        table.hidden = true;
        document.getElementById('pager').hidden = true;
        status.textContent = '请先选择团组织。';
        return;
      }
      const query = new URLSearchParams({ orgCode: org, status: 'ACTIVE', page: String(page), size: String(PAGE_SIZE) });
      if (q) {
        query.set('q', q);
      }
      if (overAge) {
        query.set('overAge', 'true');
      }
      status.textContent = '正在加载团员……';
      let result;
      try {
        const response = await api(`/members?${query}`);
        if (!response.ok) {
          const details = await problem(response);
          status.textContent = details.detail || `无法读取团员（HTTP ${response.status}）`;
          return;
        }
        result = await response.json();
      } catch (e) {
        status.textContent = '无法读取团员：网络连接失败，请稍后重试。';
        return;
      }
      if (list.org !== org || list.page !== page || list.q !== q || list.overAge !== overAge) {
        return;
      }
      list = { ...list, totalPages: result.totalPages, members: result.content };
      status.textContent = result.totalElements === 0
        ? (q || overAge ? '没有符合条件的在册团员。' : '该团组织及其下级组织没有在册团员。')
        : `共 ${result.totalElements} 名在册团员${overAge ? '（只看超龄）' : ''}${q ? `，姓名含“${q}”` : ''}。`;
      show();
    }

    function show() {
      const { members, page, totalPages } = list;
      document.getElementById('members-table').hidden = members.length === 0;
      document.querySelector('#members-table tbody').replaceChildren(...members.map((member) => {
        const id = `member-${member.id}`;
        const box = el('input', {
          type: 'checkbox', id, 'data-member-id': member.id, checked: selected.has(member.id),
          'aria-label': `勾选 ${member.name}`,
          onchange: (event) => tick(member, event.target.checked)
        });
        return el('tr', { 'data-member-id': member.id, 'data-over-age': String(member.overAge) },
          el('td', {}, box),
          el('td', {}, el('label', { for: id, text: member.name })),
          el('td', { className: 'code', text: member.idNumberMasked }),
          el('td', { className: 'number', text: String(member.age) }),
          el('td', {}, member.overAge ? el('span', { className: 'badge', text: '超龄' }) : ''),
          el('td', { text: member.category }),
          orgCell(member.orgCode));
      }));
      document.getElementById('select-page').checked = members.length > 0 && members.every((m) => selected.has(m.id));
      document.getElementById('pager').hidden = totalPages <= 1;
      document.getElementById('page-info').textContent = `第 ${page + 1} / ${Math.max(totalPages, 1)} 页`;
      document.getElementById('previous-page').disabled = page === 0;
      document.getElementById('next-page').disabled = page + 1 >= totalPages;
      showTicks();
    }

    /** The member's organisation by name; a branch below the chosen level is named once its name is read. */
    function orgCell(code) {
      const cell = el('td', { text: picker.label(code) });
      if (cell.textContent === code) {
        picker.nameOf(code).then((label) => {
          cell.textContent = label;
        });
      }
      return cell;
    }

    function showTicks() {
      document.getElementById('selected-count').textContent = selected.size === 0
        ? '尚未勾选团员' : `已勾选 ${selected.size} 人（翻页、查找时保留）`;
      document.getElementById('clear-selection').hidden = selected.size === 0;
      onTicks();
    }

    function tick(member, on) {
      if (on) {
        selected.set(member.id, { name: member.name, idNumberMasked: member.idNumberMasked });
      } else {
        selected.delete(member.id);
      }
      document.getElementById('select-page').checked = list.members.every((m) => selected.has(m.id));
      showTicks();
    }

    function search() {
      list = { ...list, q: document.getElementById('name-query').value.trim(),
        overAge: document.getElementById('over-age-only').checked, page: 0 };
      load();
    }

    document.getElementById('search-button').addEventListener('click', search);
    document.getElementById('name-query').addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        search();
      }
    });
    document.getElementById('over-age-only').addEventListener('change', search);
    document.getElementById('previous-page').addEventListener('click', () => {
      list = { ...list, page: Math.max(0, list.page - 1) };
      load();
    });
    document.getElementById('next-page').addEventListener('click', () => {
      list = { ...list, page: list.page + 1 };
      load();
    });
    document.getElementById('select-page').addEventListener('change', (event) => {
      // Read once: each tick sets this box again from the ticks so far.
      const on = event.target.checked;
      list.members.forEach((member) => tick(member, on));
      show();
    });
    document.getElementById('clear-selection').addEventListener('click', () => untick([...selected.keys()]));

    /** Another organisation: its members from the first page, nothing ticked. */
    function showOrg(org) {
      selected.clear();
      list = { ...list, org, page: 0 };
      showTicks();
      load();
    }

    function untick(ids) {
      ids.forEach((id) => selected.delete(id));
      show();
    }

    return {
      showOrg,
      reload: load,
      untick,
      ids: () => [...selected.keys()],
      count: () => selected.size,
      /** Name and masked ID number of a ticked member, to name it in a refusal. */
      ticked: (id) => selected.get(id)
    };
  }

  return { create };
})();
