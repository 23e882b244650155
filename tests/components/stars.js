// A custom component for the tests that renders a Quasar component of the rest tier by name,
// as a template would: flaskui must load that tier before this module registers.
export default {
  props: { value: Number },
  render() {
    return Vue.h(Vue.resolveComponent('q-rating'), { class: 'stars', modelValue: this.value, max: 5 });
  },
};
