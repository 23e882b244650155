// ui.codemirror: a CodeMirror 6 editor whose text is the element's modelValue. The user's edits
// are sent as update:modelValue; a value from the server is applied as the smallest replacement,
// so the cursor stays where it was when the change is elsewhere.
const { h, markRaw } = Vue;

// The one change that turns `before` into `after`: common start and end kept.
function replacement(before, after) {
  let from = 0;
  while (from < before.length && from < after.length && before[from] === after[from]) from++;
  let to = before.length;
  let end = after.length;
  while (to > from && end > from && before[to - 1] === after[end - 1]) {
    to--;
    end--;
  }
  return { from, to, insert: after.slice(from, end) };
}

export default {
  props: {
    modelValue: String, language: String, theme: String, indent: String, lineWrapping: Boolean,
    highlightWhitespace: Boolean,
  },
  emits: ['update:modelValue'],
  render: () => h('div', { style: { width: '100%' } }),
  mounted() {
    this.$el.flaskuiApi = import(new URL('codemirror.min.js', import.meta.url).href).then(cm => this.create(cm));
  },
  unmounted() {
    this.view?.destroy();
    this.view = null;
    this.gone = true;
  },
  watch: {
    modelValue(value) {
      if (!this.view) return;
      const current = this.view.state.doc.toString();
      if (value === current) return; // the user's own edit, shown already
      this.fromServer = true;
      try {
        this.view.dispatch({ changes: replacement(current, value ?? '') });
      } finally {
        this.fromServer = false;
      }
    },
    language() { this.reconfigure('language'); },
    theme() { this.reconfigure('theme'); },
    indent() { this.reconfigure('indent'); },
    lineWrapping() { this.reconfigure('lineWrapping'); },
    highlightWhitespace() { this.reconfigure('highlightWhitespace'); },
  },
  methods: {
    // The extension each configurable prop stands for.
    extension(prop) {
      const cm = this.cm;
      switch (prop) {
        case 'language': return cm.languages[this.language]?.() ?? [];
        case 'theme': return cm.themes[this.theme] ?? cm.themes.basicLight;
        case 'indent': return cm.indentUnit.of(this.indent || '    ');
        case 'lineWrapping': return this.lineWrapping ? cm.EditorView.lineWrapping : [];
        default: return this.highlightWhitespace ? cm.highlightWhitespace() : [];
      }
    },
    create(cm) {
      if (this.gone) return null;
      this.cm = cm;
      const props = ['language', 'theme', 'indent', 'lineWrapping', 'highlightWhitespace'];
      this.compartments = Object.fromEntries(props.map(prop => [prop, new cm.Compartment()]));
      const configurable = props.map(prop => this.compartments[prop].of(this.extension(prop)));
      const report = cm.EditorView.updateListener.of(update => {
        if (update.docChanged && !this.fromServer) this.$emit('update:modelValue', update.state.doc.toString());
      });
      this.view = markRaw(new cm.EditorView({
        parent: this.$el,
        state: cm.EditorState.create({
          doc: this.modelValue ?? '',
          extensions: [cm.basicSetup, cm.keymap.of([cm.indentWithTab]), ...configurable, report],
        }),
      }));
      return this.view;
    },
    reconfigure(prop) {
      this.view?.dispatch({ effects: this.compartments[prop].reconfigure(this.extension(prop)) });
    },
  },
};
