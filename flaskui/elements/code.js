// ui.code: code highlighted on the server (`html`, escaped by Pygments) and a copy button that
// copies the code's text in the browser, with no round trip.
const { h, resolveComponent } = Vue;

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No Clipboard API outside secure contexts (plain http on a LAN address), or no permission.
    const area = document.createElement('textarea');
    area.value = text;
    area.style.cssText = 'position: fixed; opacity: 0';
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

export default {
  props: { html: { type: String, default: '' } },
  data: () => ({ copied: false }),
  beforeUnmount() {
    clearTimeout(this.timer);
  },
  methods: {
    async copy() {
      await copyText(this.$refs.code.textContent);
      this.copied = true;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => { this.copied = false; }, 2000);
    },
  },
  render() {
    return h('div', { class: 'flaskui-code' }, [
      h('div', { ref: 'code', innerHTML: this.html }),
      h(resolveComponent('q-btn'), {
        class: 'flaskui-code__copy', flat: true, round: true, dense: true, size: 'sm',
        icon: this.copied ? 'check' : 'content_copy', 'aria-label': 'Copy', title: 'Copy', onClick: this.copy,
      }),
    ]);
  },
};
