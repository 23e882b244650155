// ui.mermaid: renders the diagram source to SVG whenever the content or config changes.
const { h, toRaw } = Vue;

// Mermaid's configuration is global and a render is not reentrant: renders of all diagrams of
// the page run one after another, each with its own configuration.
let queue = Promise.resolve();
let counter = 0;

export default {
  props: { content: String, config: Object },
  render: () => h('div', { class: 'flaskui-mermaid' }),
  mounted() {
    this.id = `flaskui-mermaid-${++counter}`;
    this.loaded = window.flaskui.loadScript(new URL('mermaid.min.js', import.meta.url));
    this.draw();
  },
  unmounted() {
    this.gone = true;
  },
  watch: {
    content() { this.draw(); },
    config: { deep: true, handler() { this.draw(); } },
  },
  methods: {
    draw() {
      queue = queue.then(() => this.loaded).then(async () => {
        if (this.gone) return;
        const content = this.content ?? '';
        mermaid.initialize({ ...structuredClone(toRaw(this.config) ?? {}), startOnLoad: false });
        try {
          const { svg, bindFunctions } = await mermaid.render(this.id, content);
          if (this.gone || content !== this.content) return; // a newer draw follows
          this.$el.innerHTML = svg;
          bindFunctions?.(this.$el);
        } catch (error) {
          const message = document.createElement('pre');
          message.className = 'text-negative';
          message.textContent = String(error?.message ?? error);
          this.$el.replaceChildren(message);
          // A failed render leaves its scratch element behind.
          document.getElementById(`d${this.id}`)?.remove();
        }
      });
    },
  },
};
