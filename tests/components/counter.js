// A custom component for the tests: shows `value`, emits "bump" on click, and loads a
// declared classic script to prove dependencies load.
export default {
  props: { value: Number },
  emits: ['bump'],
  data: () => ({ helper: '' }),
  async mounted() {
    await window.flaskui.loadScript(new URL('helper.js', import.meta.url));
    this.helper = window.counterHelper();
  },
  render() {
    return Vue.h('button', { class: 'counter', onClick: () => this.$emit('bump', this.value + 1) },
      `count ${this.value} ${this.helper}`);
  },
};
