// The element store: every element of this tab by id, and the u/a/d/m ops that change it.
// Each element is its own reactive object, so an update re-renders only that element's component.
const { reactive, shallowReactive, shallowRef, toRaw } = Vue;

// id -> reactive element. shallowReactive tracks Map.get per key: a component re-renders when its
// own entry is replaced (snapshot), not when an unrelated element is added or removed.
export const elements = shallowReactive(new Map());
export const root = shallowRef(null);
// Ops run outside rendering, so their lookups need no tracking: read the plain map (it holds the
// same reactive elements).
const plainElements = toRaw(elements);

// (id, text) => whether the views of element `id` took `text` straight into the DOM (render.js).
let writeText = () => false;
export function setTextWriter(writer) {
  writeText = writer;
}

// child id -> parent id, plain bookkeeping for "m" (the op does not name the old parent).
const parents = new Map();

function normalize(raw) {
  // Fill omitted fields so rendering and ops never branch on missing ones.
  return reactive({
    tag: raw.tag,
    text: raw.text ?? null,
    props: raw.props ?? {},
    classes: raw.classes ?? [],
    style: raw.style ?? {},
    children: raw.children ?? [],
    slot: raw.slot ?? 'default',
    hidden: raw.hidden ?? false,
    events: raw.events ?? [],
  });
}

function insert(raws) {
  for (const [key, raw] of Object.entries(raws)) {
    const id = Number(key);
    // An element the store already has elsewhere was moved into this new subtree.
    const oldParent = plainElements.get(parents.get(id));
    if (oldParent && !(String(parents.get(id)) in raws)) detach(id, oldParent);
    elements.set(id, normalize(raw));
    for (const child of raw.children ?? []) parents.set(child, id);
  }
}

function forget(id) {
  const stack = [id];
  while (stack.length) {
    const current = stack.pop();
    const el = plainElements.get(current);
    if (el) stack.push(...el.children);
    elements.delete(current);
    parents.delete(current);
  }
}

function detach(childId, parent) {
  const i = parent.children.indexOf(childId);
  if (i >= 0) parent.children.splice(i, 1);
}

// Replace the whole store (initial state and "snap" messages).
export function replaceAll({ root: rootId, elements: raws }) {
  elements.clear();
  parents.clear();
  insert(raws);
  root.value = rootId;
}

// Whether a "u" op's `fields` change the text and nothing else (no array made per op, unlike
// Object.keys: a click can change a thousand labels).
function onlyText(fields) {
  if (typeof fields.text !== 'string') return false;
  for (const key in fields) if (key !== 'text') return false;
  return true;
}

function lookup(id, op) {
  const el = plainElements.get(id);
  if (!el) console.warn(`flaskui: "${op}" op names unknown element ${id}`);
  return el;
}

const ops = {
  u(id, fields) {
    const el = lookup(id, 'u');
    if (!el) return;
    // A text-only update (a label changing) skips Vue's re-render when the DOM took it directly;
    // the store then changes without triggering one.
    if (onlyText(fields) && writeText(id, fields.text)) {
      toRaw(el).text = fields.text;
      return;
    }
    if ('text' in fields) el.text = fields.text;
    if (fields.props) Object.assign(el.props, fields.props);
    for (const key of fields.unset ?? []) delete el.props[key];
    if (fields.classes) el.classes = fields.classes;
    if (fields.style) el.style = fields.style;
    if (fields.events) el.events = fields.events;
    if ('hidden' in fields) el.hidden = fields.hidden;
  },
  // Nested prop patches: a list splice or one value at a path (table rows, chart data).
  l(id, path, start, deleteCount, items) {
    const el = lookup(id, 'l');
    if (el) resolvePath(el.props, path).splice(start, deleteCount, ...items);
  },
  p(id, path, value) {
    const el = lookup(id, 'p');
    if (el) resolvePath(el.props, path.slice(0, -1))[path[path.length - 1]] = value;
  },
  a(parentId, beforeId, childId, raws) {
    const parent = lookup(parentId, 'a');
    if (!parent) return;
    insert(raws);
    place(parent, beforeId, childId);
    parents.set(childId, parentId);
  },
  d(parentId, childId) {
    const parent = lookup(parentId, 'd');
    if (parent) detach(childId, parent);
    forget(childId);
  },
  m(childId, parentId, beforeId) {
    const parent = lookup(parentId, 'm');
    if (!parent || !lookup(childId, 'm')) return;
    const old = plainElements.get(parents.get(childId));
    if (old) detach(childId, old);
    place(parent, beforeId, childId);
    parents.set(childId, parentId);
  },
};

function resolvePath(target, path) {
  for (const key of path) target = target[key];
  return target;
}

// Positions are "before this already placed sibling" (null: at the end), never indexes.
function place(parent, beforeId, childId) {
  const index = beforeId === null ? -1 : parent.children.indexOf(beforeId);
  if (index < 0) parent.children.push(childId);
  else parent.children.splice(index, 0, childId);
}

// Apply one element op ["u"|"l"|"p"|"a"|"d"|"m", ...args] (at most five args: passed one by one,
// without a rest array and a spread call per op).
export function applyOp(op) {
  ops[op[0]](op[1], op[2], op[3], op[4], op[5]);
}

export const isElementOp = kind => Object.hasOwn(ops, kind);
