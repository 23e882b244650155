// ui.log: renders the `lines` prop, which the server changes by splices ("l" ops), and stays
// scrolled to the bottom while the user is there.
const { h } = Vue;

export default {
  props: { lines: { type: Array, default: () => [] } },
  mounted() {
    this.$el.scrollTop = this.$el.scrollHeight;
  },
  beforeUpdate() {
    const box = this.$el;
    this.atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 4;
  },
  updated() {
    if (this.atBottom) this.$el.scrollTop = this.$el.scrollHeight;
  },
  render() {
    return h('div', { class: 'flaskui-log', role: 'log' }, this.lines.map(line => h('div', line)));
  },
};
