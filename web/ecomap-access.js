// The map as an operable list, for screen readers and keyboards (the canvas is one image
// to them): every entry with real fields, checkboxes and buttons (add a person, an
// organization or a network, rename it, put it on roles, link two entries, remove one,
// undo, redo, Save JSON). Each edit is a command of the app (src/app/access_api.cpp), so
// it is one undo step and shows on the canvas at once. The list follows every change,
// wherever it was made, without moving the keyboard focus, and says what changed through
// a live region ("Ana added", "Ana: Weavers on", "Undone: Connect").
// The list is visually hidden until the keyboard focus enters it (a skip link leads there
// first); then it shows as a panel over the map.
//
// Index: [SECTION] Words, [SECTION] The page's pieces, [SECTION] Entries, [SECTION] Links,
// [SECTION] Announcements, [SECTION] Following the app
'use strict';
(function () {
  const call = (name, argument) => Module.ecomapBridge.call(name, argument);
  const edit = (name, object) => JSON.parse(call(name, JSON.stringify(object)));  // {ok, error, id}

  // [SECTION] Words: the "access." keys of the app's catalogs (src/i18n), in the app's language
  let language = '';
  let texts = {};
  function loadTexts() {  // true when the language changed
    const answer = JSON.parse(call('texts', 'access.'));
    const changed = answer.language !== language;
    language = answer.language;
    texts = answer.texts;
    return changed;
  }
  function t(key, args = {}) {
    const text = texts['access.' + key];
    if (text === undefined) return key;
    return text.replace(/\{([a-z_]+)\}/g, (whole, name) => (name in args ? String(args[name]) : whole));
  }
  function tn(key, n, args = {}) {  // "<key>.one" / "<key>.other" by the language's plural rules
    let form = 'other';
    try { form = new Intl.PluralRules(language).select(n); } catch { /* an unknown language: "other" */ }
    return t(texts['access.' + key + '.' + form] !== undefined ? key + '.' + form : key + '.other', { ...args, n });
  }

  // [SECTION] The page's pieces
  function el(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key.startsWith('aria-') || key.startsWith('data-') || key === 'role') node.setAttribute(key, value);
      else node[key] = value;
    }
    for (const child of children) node.append(child);
    return node;
  }
  function setText(node, text) { if (node.textContent !== text) node.textContent = text; }
  function setAttr(node, name, value) { if (node.getAttribute(name) !== value) node.setAttribute(name, value); }
  let nextId = 0;
  const uid = (what) => 'ecomap-access-' + what + '-' + (++nextId);

  const style = el('style', {
    textContent: `
.ecomap-sr:not(:focus-within), #ecomap-skip:not(:focus) { position: absolute; width: 1px; height: 1px; margin: -1px;
  padding: 0; border: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
#ecomap-skip:focus { position: fixed; top: 8px; left: 8px; z-index: 6; background: #332288; color: #fff; padding: 10px 16px;
  border-radius: 6px; font-size: 15px; text-decoration: none; outline: 3px solid #E69F00; outline-offset: 2px; }
#ecomap-access:focus-within { position: fixed; top: 8px; left: 8px; z-index: 5; box-sizing: border-box;
  width: min(460px, calc(100vw - 16px)); max-height: calc(100vh - 16px); overflow: auto; background: #fff; color: #1c2028;
  border: 2px solid #332288; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,0.25); padding: 10px 16px 14px;
  font-size: 15px; line-height: 1.4; }
#ecomap-access h2 { font-size: 18px; margin: 4px 0 6px; }
#ecomap-access h3 { font-size: 16px; margin: 14px 0 6px; }
#ecomap-access p { margin: 4px 0; }
#ecomap-access ul { list-style: none; margin: 0; padding: 0; }
#ecomap-access fieldset { border: 1px solid #c9ceda; border-radius: 6px; margin: 0 0 8px; padding: 6px 10px 8px; }
#ecomap-access fieldset fieldset { border: 0; padding: 0; margin: 6px 0; }
#ecomap-access legend { font-weight: 600; padding: 0 4px; }
#ecomap-access .ecomap-roles { display: grid; grid-template-columns: 1fr 1fr; gap: 2px 12px; }
#ecomap-access label { display: inline-flex; gap: 6px; align-items: center; margin: 2px 8px 2px 0; }
#ecomap-access input[type=text], #ecomap-access select { font: inherit; padding: 4px 6px; border: 1px solid #8a93a6;
  border-radius: 4px; min-width: 0; max-width: 100%; }
#ecomap-access button { font: inherit; padding: 5px 12px; margin: 4px 6px 2px 0; border-radius: 5px;
  border: 1px solid #332288; background: #fff; color: #332288; cursor: pointer; }
#ecomap-access button[aria-disabled=true] { opacity: 0.5; cursor: default; }
#ecomap-access :focus-visible { outline: 3px solid #E69F00; outline-offset: 2px; }
#ecomap-access [role=log] p { font-size: 14px; color: #3b4252; }
#ecomap-access table { border-collapse: collapse; font-size: 14px; }
#ecomap-access th, #ecomap-access td { text-align: left; padding: 2px 8px 2px 0; }
`,
  });

  const skip = el('a', { id: 'ecomap-skip', href: '#ecomap-access' });
  const heading = el('h2', { id: 'ecomap-access-heading' });
  const section = el('section', { id: 'ecomap-access', className: 'ecomap-sr', 'aria-labelledby': heading.id });
  const title = el('p');
  const intro = el('p');
  const addHeading = el('h3', { id: 'ecomap-access-add' });
  const newName = el('input', { type: 'text', id: uid('new-name'), autocomplete: 'off' });
  const newNameLabel = el('label', { htmlFor: newName.id });
  const addButtons = ['person', 'organization', 'network'].map((kind) => {
    const button = el('button', { type: 'button' });
    button.addEventListener('click', () => addEntry(kind));
    return [kind, button];
  });
  const entriesHeading = el('h3', { id: 'ecomap-access-entries' });
  const entriesEmpty = el('p');
  const entries = el('ul', { 'aria-labelledby': entriesHeading.id });
  const more = el('button', { type: 'button' });  // a big map is listed a page at a time
  const summaryHeading = el('h3', { id: 'ecomap-access-summary' });
  const summaryHead = el('tr');
  const summaryRows = el('tbody');
  const summary = el('table', { 'aria-labelledby': summaryHeading.id }, [el('thead', {}, [summaryHead]), summaryRows]);
  const summaryColumns = ['role', 'people', 'organizations', 'networks', 'votes', 'gap'];
  const linksHeading = el('h3', { id: 'ecomap-access-links' });
  const linksEmpty = el('p');
  const links = el('ul', { 'aria-labelledby': linksHeading.id });
  const linkFrom = el('select', { id: uid('from') });
  const linkTo = el('select', { id: uid('to') });
  const linkKind = el('select', { id: uid('kind') });
  const linkFromLabel = el('label', { htmlFor: linkFrom.id });
  const linkToLabel = el('label', { htmlFor: linkTo.id });
  const linkKindLabel = el('label', { htmlFor: linkKind.id });
  const linkAdd = el('button', { type: 'button' });
  const undo = el('button', { type: 'button' });
  const redo = el('button', { type: 'button' });
  const save = el('button', { type: 'button' });
  const log = el('div', { role: 'log', 'aria-live': 'polite' });

  section.append(heading, title, intro,
    el('div', { role: 'group', 'aria-labelledby': addHeading.id }, [
      addHeading, el('div', {}, [newNameLabel, newName]), el('div', {}, addButtons.map(([, button]) => button))]),
    entriesHeading, entriesEmpty, entries, more,
    summaryHeading, summary,
    linksHeading, linksEmpty, links,
    el('div', {}, [el('div', {}, [linkFromLabel, linkFrom]), el('div', {}, [linkToLabel, linkTo]),
                   el('div', {}, [linkKindLabel, linkKind]), linkAdd]),
    el('div', {}, [undo, redo, save]),
    log);

  skip.addEventListener('click', (event) => { event.preventDefault(); newName.focus(); });
  linkAdd.addEventListener('click', addLink);
  more.addEventListener('click', () => {
    const first = entries.children.length;
    listed += kPage;
    refresh();
    const item = entries.children[first];  // the first of the new ones
    if (item) item.parts.name.focus();
  });
  undo.addEventListener('click', () => step('undo'));
  redo.addEventListener('click', () => step('redo'));
  save.addEventListener('click', () => {
    if (call('action', 'save-json') === 'true') say(t('said.saved'));
  });

  function labelPage() {  // the fixed words, in the current language
    section.lang = language;
    skip.lang = language;
    setText(skip, t('skip'));
    setText(heading, t('region'));
    setText(intro, t('intro'));
    setText(addHeading, t('add'));
    setText(newNameLabel, t('new_name'));
    for (const [kind, button] of addButtons) setText(button, t('add.' + kind));
    setText(entriesHeading, t('entries'));
    setText(entriesEmpty, t('empty'));
    setText(summaryHeading, t('summary'));
    summaryHead.replaceChildren(...summaryColumns.map((column) => el('th', { scope: 'col', textContent: t('col.' + column) })));
    setText(linksHeading, t('links'));
    setText(linksEmpty, t('no_links'));
    setText(linkFromLabel, t('link_from'));
    setText(linkToLabel, t('link_to'));
    setText(linkKindLabel, t('link_kind'));
    setText(linkAdd, t('link_add'));
    setText(save, t('save'));
    log.setAttribute('aria-label', t('log'));
  }

  // Keeps `container`'s children one per item, in order, matched by key: existing nodes are
  // updated in place (a focused field keeps the focus), new ones created, gone ones removed.
  // Returns the position of a removed child that held the focus (-1 when none did).
  function syncChildren(container, items, keyOf, create, update) {
    const wanted = new Set(items.map(keyOf));
    const existing = new Map();
    let lostFocusAt = -1;
    for (const child of Array.from(container.children)) {
      if (wanted.has(child.dataset.key) && !existing.has(child.dataset.key)) {
        existing.set(child.dataset.key, child);
      } else {
        if (child.contains(document.activeElement)) lostFocusAt = Array.prototype.indexOf.call(container.children, child);
        child.remove();
      }
    }
    let cursor = container.firstElementChild;
    for (const item of items) {
      const key = keyOf(item);
      let node = existing.get(key);
      if (!node) {
        node = create(item);
        node.dataset.key = key;
      }
      update(node, item);
      if (node === cursor) cursor = cursor.nextElementSibling;
      else container.insertBefore(node, cursor);
    }
    return lostFocusAt;
  }

  // [SECTION] Entries: one fieldset each, with its name, its roles and a Remove button
  const kPage = 200;     // entries listed at first, and added by "Show more" (a 20,000-entry map stays light)
  let listed = kPage;
  let map = null;  // the last accessMap answer
  let roleNames = new Map();
  const entryKind = (entity) => t('kind.' + entity.kind);

  function createEntry() {
    const item = el('li');
    const legend = el('legend');
    const name = el('input', { type: 'text', id: uid('name'), autocomplete: 'off' });
    const nameLabel = el('label', { htmlFor: name.id });
    const rolesLegend = el('legend');
    const roles = el('div', { className: 'ecomap-roles' });
    const remove = el('button', { type: 'button' });
    item.append(el('fieldset', {}, [legend, el('div', {}, [nameLabel, name]),
                                    el('fieldset', {}, [rolesLegend, roles]), remove]));
    item.parts = { legend, name, nameLabel, rolesLegend, roles, remove };
    const id = () => item.dataset.key;
    const commit = () => {
      if (!name.isConnected || name.dataset.dirty !== 'true') return;
      name.dataset.dirty = 'false';
      const entity = map && map.entities.find((e) => e.id === id());
      if (!entity || map.hideNames || name.value === entity.name) return;
      const result = edit('accessRename', { id: id(), name: name.value });
      if (!result.ok) say(t('said.refused', { reason: result.error }));
      refresh();
    };
    name.addEventListener('input', () => { name.dataset.dirty = 'true'; });
    name.addEventListener('change', commit);
    name.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') { event.preventDefault(); commit(); }
      if (event.key === 'Escape' && name.dataset.dirty === 'true') {
        event.preventDefault();
        name.dataset.dirty = 'false';
        refresh();
      }
    });
    roles.addEventListener('change', (event) => {
      const box = event.target;
      if (!box.dataset.role) return;
      const result = edit('accessRole', { id: id(), role: box.dataset.role, on: box.checked });
      if (!result.ok) say(t('said.refused', { reason: result.error }));
      refresh();
    });
    remove.addEventListener('click', () => {
      const result = edit('accessRemove', { id: id() });
      if (!result.ok) say(t('said.refused', { reason: result.error }));
      refresh();
    });
    return item;
  }

  function updateEntry(item, entity) {
    const parts = item.parts;
    setText(parts.legend, t('entry', { kind: entryKind(entity), name: entity.shown }));
    setText(parts.nameLabel, t('name'));
    parts.name.readOnly = map.hideNames;
    if (map.hideNames) setAttr(parts.name, 'aria-description', t('names_hidden'));
    else parts.name.removeAttribute('aria-description');
    if (parts.name.dataset.dirty !== 'true') {
      const value = map.hideNames ? entity.shown : entity.name;
      if (parts.name.value !== value) parts.name.value = value;
    }
    setText(parts.rolesLegend, t('roles'));
    const on = new Set(entity.roles);
    syncChildren(parts.roles, map.roles, (role) => role.id, (role) => {
      const box = el('input', { type: 'checkbox', 'data-role': role.id });
      return el('div', {}, [el('label', {}, [box, el('span')])]);
    }, (node, role) => {
      const box = node.querySelector('input');
      setText(node.querySelector('span'), role.name);
      if (box.checked !== on.has(role.id)) box.checked = on.has(role.id);
    });
    setText(parts.remove, t('remove', { name: entity.shown }));
  }

  function addEntry(kind) {
    const name = newName.value.trim();
    const result = edit('accessAdd', { kind, name });
    if (!result.ok) { say(t('said.refused', { reason: result.error })); return; }
    newName.value = '';
    listed = Math.max(listed, map.entities.length + 1);  // the new entry is listed
    refresh();
    if (!name) {  // name it next
      const item = Array.from(entries.children).find((node) => node.dataset.key === result.id);
      if (item) item.parts.name.focus();
    }
  }

  // How many are on each role, and its gap (read only): the side panel's counts, as a table
  function updateSummary() {
    syncChildren(summaryRows, map.roles, (role) => role.id, () => {
      const row = el('tr', {}, [el('th', { scope: 'row' })]);
      for (let i = 1; i < summaryColumns.length; i++) row.append(el('td'));
      return row;
    }, (row, role) => {
      const cells = row.children;
      setText(cells[0], role.name);
      for (let i = 1; i < summaryColumns.length - 1; i++) setText(cells[i], String(role[summaryColumns[i]] ?? ''));
      setText(cells[summaryColumns.length - 1], role.gap ? t('gap.' + role.gap) : '');
    });
  }

  // [SECTION] Links: a list with a Remove button each, and a form to link two entries
  const linkText = (link, names) => t('link', { from: names.get(link.from) || link.from, kind: link.kind,
                                                 to: names.get(link.to) || link.to });

  function updateLinks(names) {
    const lost = syncChildren(links, map.links, (link) => link.id, () => {
      const item = el('li');
      const text = el('span');
      const remove = el('button', { type: 'button' });
      remove.addEventListener('click', () => {
        const result = edit('accessUnlink', { id: item.dataset.key });
        if (!result.ok) say(t('said.refused', { reason: result.error }));
        refresh();
      });
      item.append(text, ' ', remove);
      item.parts = { text, remove };
      return item;
    }, (item, link) => {
      const text = linkText(link, names);
      setText(item.parts.text, text);
      setText(item.parts.remove, t('unlink', { link: text }));
    });
    linksEmpty.hidden = map.links.length > 0;
    if (lost >= 0) focusNear(links, lost, linkAdd);
    const options = [{ id: '', shown: t('choose') }, ...map.entities];
    for (const select of [linkFrom, linkTo]) {
      const chosen = select.value;
      syncChildren(select, options, (entity) => entity.id, () => el('option'), (option, entity) => {
        option.value = entity.id;
        setText(option, entity.shown);
      });
      select.value = options.some((entity) => entity.id === chosen) ? chosen : '';
    }
    const chosenKind = linkKind.value;
    syncChildren(linkKind, map.kinds, (kind) => kind.id, () => el('option'), (option, kind) => {
      option.value = kind.id;
      setText(option, kind.label);
    });
    if (chosenKind && map.kinds.some((kind) => kind.id === chosenKind)) linkKind.value = chosenKind;
  }

  function addLink() {
    if (!linkFrom.value || !linkTo.value || linkFrom.value === linkTo.value) { say(t('said.choose_two')); return; }
    const result = edit('accessLink', { from: linkFrom.value, to: linkTo.value, kind: linkKind.value });
    if (!result.ok) say(t('said.refused', { reason: result.error }));
    else linkTo.value = '';
    refresh();
  }

  // Undo and redo, as the toolbar's buttons
  function step(which) {
    if (!(which === 'undo' ? map.undo.depth : map.redo.depth)) { say(t('said.nothing')); return; }
    call('action', which);
    refresh();
  }
  function updateSteps() {
    for (const [button, which] of [[undo, 'undo'], [redo, 'redo']]) {
      const s = map[which];
      setText(button, s.depth > 0 && s.label ? t(which + '_what', { what: s.label }) : t(which));
      setAttr(button, 'aria-disabled', s.depth > 0 ? 'false' : 'true');
    }
  }

  // A removed row held the focus: give it to the row now in its place, else to `fallback`.
  function focusNear(container, index, fallback) {
    const rows = container.children;
    const row = rows[Math.min(index, rows.length - 1)];
    const target = row ? row.querySelector('input[type=text], button') : fallback;
    if (target) target.focus();
  }

  // [SECTION] Announcements: what changed since the last one, said once things settle
  const kLogEntries = 8;
  const kSettleMs = 400;
  const kMaxDetails = 8;
  function say(text) {
    if (!text) return;
    log.append(el('p', { textContent: text }));
    while (log.children.length > kLogEntries) log.firstElementChild.remove();
  }

  let said = null;         // the map as last announced
  let pending = [];        // undo / redo steps seen since then
  let sayTimer = 0;

  function stepSaid(before, now) {  // "Undone: X" / "Redone: X", or "" for any other change
    if (now.undo.depth === before.undo.depth - 1 && now.redo.depth === before.redo.depth + 1)
      return t('said.undone', { what: now.redo.label });
    if (now.redo.depth === before.redo.depth - 1 && now.undo.depth === before.undo.depth + 1 &&
        now.undo.label === before.redo.label)  // a new edit empties the redo steps: told apart by its label
      return t('said.redone', { what: now.undo.label });
    return '';
  }

  function changesSaid(before, now) {
    const lines = [];
    if (before.hideNames !== now.hideNames) lines.push(t(now.hideNames ? 'said.names_hidden' : 'said.names_shown'));
    const roleName = (id) => roleNames.get(id) || id;
    const was = new Map(before.entities.map((e) => [e.id, e]));
    const is = new Map(now.entities.map((e) => [e.id, e]));
    for (const entity of now.entities) {
      let old = was.get(entity.id);
      if (!old) {
        lines.push(t('said.added', { name: entity.shown }));
        old = { ...entity, roles: [] };  // its roles, if any, are said next
      }
      if (old.shown !== entity.shown && before.hideNames === now.hideNames)
        lines.push(t('said.renamed', { old: old.shown, name: entity.shown }));
      const oldRoles = new Set(old.roles);
      const newRoles = new Set(entity.roles);
      for (const role of entity.roles) if (!oldRoles.has(role)) lines.push(t('said.role_on', { name: entity.shown, role: roleName(role) }));
      for (const role of old.roles) if (!newRoles.has(role)) lines.push(t('said.role_off', { name: entity.shown, role: roleName(role) }));
    }
    for (const entity of before.entities) if (!is.has(entity.id)) lines.push(t('said.removed', { name: entity.shown }));
    const namesBefore = new Map(before.entities.map((e) => [e.id, e.shown]));
    const namesNow = new Map(now.entities.map((e) => [e.id, e.shown]));
    const linksBefore = new Set(before.links.map((l) => l.id));
    const linksNow = new Set(now.links.map((l) => l.id));
    for (const link of now.links) if (!linksBefore.has(link.id)) lines.push(t('said.linked', { link: linkText(link, namesNow) }));
    for (const link of before.links) if (!linksNow.has(link.id)) lines.push(t('said.unlinked', { link: linkText(link, namesBefore) }));
    if (lines.length > kMaxDetails) return [tn('said.map', now.entities.length)];
    return lines;
  }

  function announceSoon() {
    clearTimeout(sayTimer);
    sayTimer = setTimeout(() => {
      // Names just hidden (a projected map): nothing said before may name anyone any more.
      const hiding = map.hideNames && !said.hideNames;
      if (hiding) log.replaceChildren();
      const lines = hiding ? [t('said.names_hidden')] : [...pending, ...changesSaid(said, map)];
      pending = [];
      said = map;
      if (lines.length > 0) say(lines.join('. '));
    }, kSettleMs);
  }

  // [SECTION] Following the app: rebuilt (in place) after every change, wherever it was made
  function refresh() {
    const relabel = loadTexts();
    const before = map;
    map = JSON.parse(call('accessMap'));
    roleNames = new Map(map.roles.map((role) => [role.id, role.name]));
    if (relabel) labelPage();
    setText(title, t('title', { title: map.title || t('untitled') }));
    const lost = syncChildren(entries, map.entities.slice(0, listed), (entity) => entity.id, createEntry, updateEntry);
    entriesEmpty.hidden = map.entities.length > 0;
    const rest = map.entities.length - Math.min(listed, map.entities.length);
    more.hidden = rest <= 0;
    setText(more, t('more', { n: Math.min(kPage, rest), total: map.entities.length }));
    if (lost >= 0) focusNear(entries, lost, addButtons[0][1]);
    updateSummary();
    updateLinks(new Map(map.entities.map((e) => [e.id, e.shown])));
    updateSteps();
    if (!before) { said = map; return; }
    if (before.revision === map.revision && before.hideNames === map.hideNames) return;
    if (map.hideNames && !before.hideNames) log.replaceChildren();  // said before: may name people
    const stepped = stepSaid(before, map);
    if (stepped) pending.push(stepped);
    announceSoon();
  }

  let refreshTimer = 0;
  function refreshSoon() {  // the app's changes come in bursts (a drag, typing): one refresh for each burst
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, 60);
  }

  if (!window.ecomap) return;  // the page could not start (no WebGL2): nothing to follow
  window.ecomap.ready.then(() => {
    document.head.appendChild(style);
    document.body.insertBefore(skip, document.body.firstChild);
    const canvas = document.getElementById('canvas');
    canvas.after(section);
    refresh();
    window.ecomap.onChange(refreshSoon);
    window.addEventListener('ecomap:viewchange', refreshSoon);
    if (window.ecomapI18n) window.ecomapI18n.onChange(refreshSoon);  // the language menu: the list's words too
  }, () => {});
})();
