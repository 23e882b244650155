// Vue rendering: one component instance per element, keyed by element id, so a change to
// one element re-renders that element alone.
import { isLoading, useApp } from './components.js';
import { listenerProps } from './events.js';
import { elements, root, setTextWriter } from './store.js';

const {
  Text, createApp, getCurrentInstance, h, onMounted, onUnmounted, onUpdated, resolveComponent,
} = Vue;

// tag -> component: custom components and Quasar's (components.js).
let registry = {};
// tag -> what resolveComponent gave (a component, or the tag itself for HTML tags).
const resolved = new Map();

function resolveType(tag) {
  const registered = registry[tag];
  if (registered) return registered;
  if (isLoading(tag)) return null; // its module is on the way; reading registry[tag] re-renders
  let type = resolved.get(tag);
  if (type === undefined) {
    type = resolveComponent(tag); // needs a rendering instance, hence resolved lazily here
    resolved.set(tag, type);
  }
  return type;
}

const child = id => h(ElementView, { eid: id, key: id });

// Quasar's panel parents find their panels by reading `name` (the stepper also `title`, `icon`...)
// from the props of their default slot's vnodes, which are our wrappers: give those wrappers the
// panel's props too (ElementView does not pass them on).
const PANEL_PARENTS = new Set(['q-tab-panels', 'q-stepper', 'q-carousel']);
const panel = id => h(ElementView, { ...elements.get(id)?.props, eid: id, key: id });

function renderElement(id) {
  const el = elements.get(id);
  if (!el || el.tag === '') return null;
  const type = resolveType(el.tag);
  if (type === null) return null;
  const data = { ...el.props, ...listenerProps(id, el.events) };
  if (el.classes.length) data.class = el.classes;
  if (Object.keys(el.style).length) data.style = el.style;
  if (el.hidden) data.style = { ...el.style, display: 'none' };
  const text = el.text ?? null;

  if (typeof type === 'string') {
    data.id = 'f' + id;
    const children = el.children.map(child);
    if (text !== null) children.unshift(text);
    return h(type, data, children);
  }

  // Group children by their slot; vnodes are made inside the slot functions because a
  // component may call a slot more than once.
  const groups = {};
  if (text !== null) groups.default = [];
  for (const childId of el.children) {
    (groups[elements.get(childId)?.slot ?? 'default'] ??= []).push(childId);
  }
  const slots = {};
  for (const [name, ids] of Object.entries(groups)) {
    const make = name === 'default' && PANEL_PARENTS.has(el.tag) ? panel : child;
    slots[name] = name === 'default' && text !== null
      ? () => [text, ...ids.map(make)]
      : () => ids.map(make);
  }
  return h(type, data, slots);
}

// element id -> its mounted views (one, unless a component renders a slot more than once).
const views = new Map();

// The text vnode of a view rendered as an HTML tag whose only content is its text, else null.
function textOnly(instance) {
  const tree = instance.subTree;
  const content = tree.children;
  return typeof tree.type === 'string' && Array.isArray(content) && content.length === 1
    && content[0].type === Text && content[0].el ? content[0] : null;
}

// Text fast path: write `text` into the DOM text node and into the vnode Vue rendered it from,
// so no re-render is needed and Vue's next patch of the element (classes, a snapshot...) diffs
// against what the DOM shows. Only if every view of the element is text-only.
function writeText(id, text) {
  const vnodes = views.get(id)?.map(textOnly);
  if (!vnodes || vnodes.includes(null)) return false;
  for (const vnode of vnodes) {
    vnode.children = text;
    vnode.el.nodeValue = text;
  }
  return true;
}

const ElementView = {
  name: 'FlaskuiElement',
  inheritAttrs: false, // a panel's props (see `panel`) are already on the component it renders
  props: { eid: { type: Number, required: true } },
  setup(props) {
    // Components do not reliably put an `id` attr on their root (QInput hands attrs to its
    // inner <input>, then overrides the id; vnode hooks leak the same way), so stamp the id on
    // the root DOM node after each patch. Keyed by element id, eid never changes here.
    const instance = getCurrentInstance();
    const domId = 'f' + props.eid;
    const stampId = () => {
      const el = instance.subTree.el;
      if (el?.nodeType === Node.ELEMENT_NODE && el.id !== domId) el.id = domId;
    };
    onMounted(() => {
      stampId();
      const mounted = views.get(props.eid);
      if (mounted) mounted.push(instance);
      else views.set(props.eid, [instance]);
    });
    onUpdated(stampId);
    onUnmounted(() => {
      const others = (views.get(props.eid) ?? []).filter(view => view !== instance);
      if (others.length) views.set(props.eid, others);
      else views.delete(props.eid);
    });
    return () => renderElement(props.eid);
  },
};

// Mount the app on `selector`; `components` is the registry of components by tag,
// `quasarConfig` Quasar's install-time config (dark mode).
export function mount(selector, components, quasarConfig) {
  registry = components;
  setTextWriter(writeText);
  const app = createApp({
    render: () => (root.value === null ? null : child(root.value)),
  });
  app.use(Quasar, { config: quasarConfig }); // flaskui's Quasar build: the core plugins and Notify
  useApp(app);
  app.mount(selector);
}
