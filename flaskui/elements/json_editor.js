// ui.json_editor: vanilla-jsoneditor. Changed properties go to updateProps (only the keys that
// changed, so the user's edits are never overwritten by stale content); edits are sent as "change".
const { h, markRaw, toRaw } = Vue;

const plain = value => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

export default {
  props: { properties: Object, schema: Object },
  emits: ['change', 'select'],
  render: () => h('div', { style: { height: '20rem' } }),
  mounted() {
    this.$el.flaskuiApi = import(new URL('vanilla-jsoneditor.js', import.meta.url).href)
      .then(library => this.create(library));
  },
  unmounted() {
    this.editor?.destroy();
    this.editor = null;
    this.gone = true;
  },
  watch: {
    properties: { deep: true, handler() { this.apply(); } },
    schema: { deep: true, handler() { this.apply(); } },
  },
  methods: {
    editorProps() {
      const props = structuredClone(toRaw(this.properties) ?? {});
      if (this.schema) props.validator = this.library.createAjvValidator({ schema: structuredClone(toRaw(this.schema)) });
      return props;
    },
    create(library) {
      if (this.gone) return null;
      this.library = library;
      const props = this.editorProps();
      this.applied = this.fingerprints(props);
      this.editor = markRaw(library.createJSONEditor({
        target: this.$el,
        props: {
          ...props,
          onChange: (content, previous, { contentErrors }) => {
            // The editor shows it already: the same content coming back from the server is no change.
            this.applied.content = JSON.stringify(content);
            this.$emit('change', { content: plain(content), errors: plain(contentErrors) });
          },
          onSelect: selection => this.$emit('select', plain(selection)),
        },
      }));
      return this.editor;
    },
    apply() {
      if (!this.editor) return;
      const props = this.editorProps();
      const fingerprints = this.fingerprints(props);
      const changed = {};
      for (const [key, fingerprint] of Object.entries(fingerprints)) {
        if (fingerprint !== this.applied[key]) changed[key] = props[key];
      }
      Object.assign(this.applied, fingerprints);
      if (Object.keys(changed).length) this.editor.updateProps(changed);
    },
    fingerprints(props) {
      return Object.fromEntries(Object.entries(props).map(([key, value]) => [
        key, key === 'validator' ? JSON.stringify(this.schema) : JSON.stringify(value),
      ]));
    },
  },
};
