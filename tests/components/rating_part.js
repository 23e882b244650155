// Imported by rated.js: renders Quasar's q-rating (rest tier).
export const ratingOf = value => Vue.h(Vue.resolveComponent('q-rating'), { modelValue: value, max: 5 });
