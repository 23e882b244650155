#!/usr/bin/env bash
# Re-vendor the browser dependencies into flaskui/static/vendor/ from the
# versions pinned in package-lock.json. Users never run npm: the copied files
# are committed. Run after changing a version in package.json (then `npm install`).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
vendor="$here/../flaskui/static/vendor"
nm="$here/node_modules"
icons="$nm/@quasar/extras/exports/material-icons"

cd "$here"
npm ci --no-audit --no-fund

# Start from scratch so files dropped upstream do not linger.
rm -rf "$vendor"
mkdir -p "$vendor/material-icons" "$vendor/LICENSES"

cp "$nm/vue/dist/vue.global.prod.js" "$vendor/"
cp "$nm/quasar/dist/quasar.umd.prod.js" "$nm/quasar/dist/quasar.prod.css" "$vendor/"

# Only the plain "Material Icons" font (Quasar's default icon set), not the
# outlined/round/sharp variants.
shopt -s nullglob
woff2=("$icons"/web-font/*.woff2)
shopt -u nullglob
if [ "${#woff2[@]}" -ne 1 ]; then
  echo "refresh.sh: expected exactly one woff2 in $icons/web-font, found ${#woff2[@]}" >&2
  exit 1
fi
cp "${woff2[0]}" "$vendor/material-icons/material-icons.woff2"
cat > "$vendor/material-icons/material-icons.css" <<'CSS'
@font-face {
  font-family: 'Material Icons';
  font-style: normal;
  font-weight: 400;
  font-display: block;
  src: url('material-icons.woff2') format('woff2');
}

.material-icons {
  font-family: 'Material Icons';
  font-weight: normal;
  font-style: normal;
  display: inline-block;
  line-height: 1;
  text-transform: none;
  letter-spacing: normal;
  word-wrap: normal;
  white-space: nowrap;
  direction: ltr;
  -webkit-font-smoothing: antialiased;
  text-rendering: optimizeLegibility;
  -moz-osx-font-smoothing: grayscale;
  font-feature-settings: 'liga';
}
CSS

cp "$nm/vue/LICENSE" "$vendor/LICENSES/vue.txt"
cp "$nm/quasar/LICENSE" "$vendor/LICENSES/quasar.txt"
cp "$nm/@quasar/extras/LICENSE" "$vendor/LICENSES/quasar-extras.txt"
cp "$icons/LICENSE" "$vendor/LICENSES/material-icons.txt"

version() { node -p "require('$nm/$1/package.json').version"; }
{
  for pkg in vue quasar @quasar/extras; do
    echo "$pkg@$(version "$pkg")"
  done
} > "$vendor/VERSIONS.txt"

echo "vendored into $vendor:"
cat "$vendor/VERSIONS.txt"
