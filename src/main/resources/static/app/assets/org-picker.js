// The organisation of the scope, chosen level by level: the roots from GET /api/orgs, then each chosen
// organisation's children below it. The same picker as the upload page's, for the pages that came later.
'use strict';

const OrgPicker = (() => {
  const { api, problem, el } = Tuanwu;

  /**
   * Wires the picker in {@code container} whose first level is {@code rootSelect}. {@code onChange(code)} is
   * called whenever the chosen organisation changes (empty string: none); {@code onError(text)} with a
   * message in Chinese; {@code belowLabel(name)} is the empty choice of a lower level.
   */
  function create({ container, rootSelect, onChange, onError, belowLabel }) {
    const levels = [rootSelect];
    const names = new Map();

    function chosen() {
      for (let i = levels.length - 1; i >= 0; i--) {
        if (levels[i].value) {
          return levels[i].value;
        }
      }
      return '';
    }

    function label(code) {
      return names.has(code) ? `${names.get(code)}（${code}）` : code;
    }

    async function load(path) {
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
      onChange(chosen());
      const code = levels[level].value;
      if (!code) {
        return;
      }
      try {
        const children = await load(`/orgs/${encodeURIComponent(code)}/children`);
        if (levels[level].value !== code || children.length === 0) {
          return;
        }
        const id = `org-select-${level + 1}`;
        const select = el('select', { id, name: id, onchange: () => chose(level + 1) });
        fill(select, children, belowLabel(names.get(code)));
        container.append(el('div', { className: 'org-level' },
          el('label', { for: id, text: `${names.get(code)} 的下级团组织` }), select));
        levels.push(select);
      } catch (e) {
        onError(e.message);
      }
    }

    /** The name of an organisation the picker has not loaded (a branch in a member list), read once. */
    const asked = new Map();
    function nameOf(code) {
      if (!asked.has(code)) {
        asked.set(code, api(`/orgs/${encodeURIComponent(code)}`)
          .then((response) => (response.ok ? response.json() : null))
          .then((org) => {
            if (org) {
              names.set(org.code, org.name);
            }
            return label(code);
          })
          .catch(() => label(code)));
      }
      return asked.get(code);
    }

    /** Loads the roots; a scope of one organisation chooses it at once. */
    async function start() {
      rootSelect.addEventListener('change', () => chose(0));
      try {
        const roots = await load('/orgs');
        if (roots.length === 0) {
          fill(rootSelect, [], '（没有可选的团组织）');
          onError('您的账号不管理任何团组织。如有疑问，请联系上级团组织。');
          return;
        }
        fill(rootSelect, roots, '请选择团组织');
        if (roots.length === 1) {
          rootSelect.value = roots[0].code;
          await chose(0);
        }
      } catch (e) {
        fill(rootSelect, [], '（加载失败）');
        onError(e.message);
      }
    }

    return { start, chosen, label, nameOf };
  }

  return { create };
})();
