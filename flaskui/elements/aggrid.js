// ui.aggrid: an AG Grid Community grid. Changed options go to updateGridOptions (only the keys
// that changed), and grid events that have a listener are sent with their plain fields.
import { withFunctions } from './dynamic_props.js';

const { camelize, h, markRaw, toHandlerKey, toRaw } = Vue;

const THEMES = { alpine: 'themeAlpine', balham: 'themeBalham', material: 'themeMaterial', quartz: 'themeQuartz' };
const EVENT_FIELDS = ['type', 'value', 'oldValue', 'newValue', 'rowIndex', 'data', 'source', 'rowPinned', 'finished'];

function plainEvent(event) {
  const out = {};
  for (const field of EVENT_FIELDS) {
    if (event[field] !== undefined) out[field] = event[field];
  }
  const colId = event.column?.getColId?.();
  if (colId !== undefined) out.colId = colId;
  if (event.node) {
    out.rowId = event.node.id ?? null;
    out.selected = event.node.isSelected?.() ?? null;
  }
  // Drop what JSON cannot carry (functions, cycles): the data is the user's plain row.
  return JSON.parse(JSON.stringify(out));
}

export default {
  props: { options: Object, htmlColumns: Array, theme: String, autoSizeColumns: Boolean },
  render: () => h('div', { style: { width: '100%', height: '16rem' } }),
  mounted() {
    this.$el.flaskuiApi = window.flaskui.loadScript(new URL('ag-grid-community.min.js', import.meta.url))
      .then(() => this.create());
  },
  unmounted() {
    this.api?.destroy();
    this.api = null;
    this.gone = true;
  },
  watch: {
    options: { deep: true, handler() { this.apply(); } },
    htmlColumns: { deep: true, handler() { this.apply(); } },
    theme() { this.apply(); },
  },
  methods: {
    gridOptions() {
      // A copy: the grid writes edited cells into its row objects, which must not be the store's.
      const options = withFunctions(structuredClone(toRaw(this.options) ?? {}));
      for (const index of this.htmlColumns ?? []) {
        const column = options.columnDefs?.[index];
        if (column) column.cellRenderer = params => params.value; // a string renders as HTML
      }
      if (this.autoSizeColumns && !options.autoSizeStrategy) options.autoSizeStrategy = { type: 'fitGridWidth' };
      return { theme: agGrid[THEMES[this.theme] ?? 'themeQuartz'], ...options };
    },
    create() {
      if (this.gone) return null;
      const options = this.gridOptions();
      this.applied = this.fingerprints(options);
      this.api = markRaw(agGrid.createGrid(this.$el, options));
      this.api.addGlobalListener((type, event) => {
        if (this.$attrs[toHandlerKey(camelize(type))]) this.$emit(type, plainEvent(event));
      });
      return this.api;
    },
    apply() {
      if (!this.api) return;
      const options = this.gridOptions();
      const fingerprints = this.fingerprints(options);
      const changed = {};
      for (const [key, fingerprint] of Object.entries(fingerprints)) {
        if (fingerprint !== this.applied[key]) changed[key] = options[key];
      }
      this.applied = fingerprints;
      if (Object.keys(changed).length) this.api.updateGridOptions(changed);
    },
    // What each option was, to hand the grid only the options that changed (functions by their code).
    fingerprints(options) {
      const replacer = (key, value) => (typeof value === 'function' ? String(value) : value);
      return Object.fromEntries(Object.entries(options).map(([key, value]) => [
        key, key === 'theme' ? value : JSON.stringify(value, replacer),
      ]));
    },
  },
};
