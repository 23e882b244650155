// A custom component for the tests that renders Quasar components by name, as a template would:
// q-rating (rest tier: flaskui must load that tier before this module registers) and QBtn (core
// tier, by its PascalCase name).
export default {
  props: { value: Number },
  render() {
    const { h, resolveComponent } = Vue;
    return h('div', { class: 'stars' }, [
      h(resolveComponent('q-rating'), { modelValue: this.value, max: 5 }),
      h(resolveComponent('QBtn'), { label: 'rate' }),
    ]);
  },
};
