// Options with JavaScript functions, for the chart and grid components: a key that starts with
// ":" holds the code of a function, e.g. {":formatter": "p => p.value + ' %'"} becomes
// {formatter: p => p.value + ' %'}. Data (row data, series data, datasets) is never searched:
// it may come from users, and it is the bulk of the options.
const DATA_KEYS = new Set(['data', 'rowData', 'source']);

// `value` with its ":" keys turned into functions; unchanged parts are shared, not copied.
export function withFunctions(value) {
  if (Array.isArray(value)) {
    const items = value.map(withFunctions);
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (value === null || typeof value !== 'object') return value;
  let out = value;
  for (const [key, item] of Object.entries(value)) {
    let converted = item;
    let name = key;
    if (key.startsWith(':') && typeof item === 'string') {
      name = key.slice(1);
      converted = new Function(`return ${item}`)();
    } else if (!DATA_KEYS.has(key)) {
      converted = withFunctions(item);
    }
    if (converted !== item || name !== key) {
      if (out === value) out = { ...value };
      if (name !== key) delete out[key];
      out[name] = converted;
    }
  }
  return out;
}
