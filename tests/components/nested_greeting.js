// Render functions at the top and one level down; the template is two `components` levels deep,
// and the page must still load Vue's template compiler for it.
const Mark = { template: '<b class="mark">!</b>' };

const Name = {
  props: { name: String },
  components: { Mark },
  render() { return Vue.h('span', [this.name, Vue.h(Mark)]); },
};

export default {
  props: { name: String },
  components: { Name },
  render() { return Vue.h('span', { class: 'nested-greeting' }, ['Hello ', Vue.h(Name, { name: this.name })]); },
};
