// ui.select: Quasar's QSelect, plus filtering the options by the typed text when `use-input` is
// set. QSelect leaves filtering to an @filter handler that gets a callback, so it must run here.
const { computed, h, ref } = Vue;

export default {
  inheritAttrs: false,
  props: { options: { type: Array, default: () => [] } },
  setup(props, { attrs, slots }) {
    const needle = ref('');
    const shown = computed(() => (needle.value
      ? props.options.filter(option => String(option.label).toLowerCase().includes(needle.value))
      : props.options));
    const onFilter = (text, update) => update(() => { needle.value = text.toLowerCase(); });
    return () => h(Quasar.QSelect, {
      ...attrs,
      options: shown.value,
      onFilter: attrs['use-input'] ? onFilter : undefined,
    }, slots);
  },
};
