#!/usr/bin/env bash
# Re-vendor the browser dependencies into flaskui/static/vendor/ (Vue, Quasar
# built by quasar-build.mjs, icons) and flaskui/elements/lib/ (the heavy libraries of the data and chart
# elements, served only to pages that use them) from the versions pinned in
# package-lock.json. Users never run npm: the copied files are committed. Run
# after changing a version in package.json (then `npm install`).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
vendor="$here/../flaskui/static/vendor"
lib="$here/../flaskui/elements/lib"
nm="$here/node_modules"
icons="$nm/@quasar/extras/exports/material-icons"

version() { node -p "require('$nm/$1/package.json').version"; }

cd "$here"
npm ci --no-audit --no-fund

# Start from scratch so files dropped upstream do not linger.
rm -rf "$vendor" "$lib"
mkdir -p "$vendor/material-icons" "$vendor/LICENSES"
mkdir -p "$lib/aggrid" "$lib/codemirror" "$lib/echarts" "$lib/jsoneditor" "$lib/mermaid" "$lib/plotly"

# Vue's runtime build on every page; its template compiler only for components that have a
# template (frontend/src/components.js loads it then).
cp "$nm/vue/dist/vue.runtime.global.prod.js" "$nm/@vue/compiler-dom/dist/compiler-dom.global.prod.js" "$vendor/"
cp "$nm/quasar/dist/quasar.prod.css" "$vendor/"
# Quasar's components in two tiers of ES modules (core.js on every page, rest.js where needed).
node "$here/quasar-build.mjs" "$nm" "$vendor/quasar"
# flaskui's own browser modules, bundled into flaskui/static/flaskui.js (rebuilt here in case esbuild changed).
node "$here/flaskui-build.mjs"

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

# The element libraries: only the one browser build each element loads.
cp "$nm/ag-grid-community/dist/ag-grid-community.min.js" "$lib/aggrid/"
cp "$nm/echarts/dist/echarts.min.js" "$lib/echarts/"
cp "$nm/mermaid/dist/mermaid.min.js" "$lib/mermaid/"
cp "$nm/plotly.js-dist-min/plotly.min.js" "$lib/plotly/"
# Its source map is not shipped, so drop the comment that points to it.
sed '/^\/\/# sourceMappingURL=/d' "$nm/vanilla-jsoneditor/standalone.js" > "$lib/jsoneditor/vanilla-jsoneditor.js"
# CodeMirror 6 is published as ES modules with bare imports only: bundle the
# pieces ui.codemirror uses into one module; list the bundled packages for the
# license file.
"$nm/.bin/esbuild" codemirror-bundle.js --bundle --format=esm --minify --legal-comments=none \
  --log-level=error --metafile="$here/codemirror-meta.json" --outfile="$lib/codemirror/codemirror.min.js"
codemirror_packages=$(node -e '
  const inputs = Object.keys(require(process.argv[1]).inputs);
  const names = inputs.map(p => p.match(/node_modules\/((@[^/]+\/)?[^/]+)/)?.[1]).filter(Boolean);
  console.log([...new Set(names)].sort().join("\n"));' "$here/codemirror-meta.json")
rm "$here/codemirror-meta.json"

cp "$nm/vue/LICENSE" "$vendor/LICENSES/vue.txt"
cp "$nm/quasar/LICENSE" "$vendor/LICENSES/quasar.txt"
cp "$nm/@quasar/extras/LICENSE" "$vendor/LICENSES/quasar-extras.txt"
cp "$icons/LICENSE" "$vendor/LICENSES/material-icons.txt"
cp "$nm/ag-grid-community/LICENSE.txt" "$vendor/LICENSES/ag-grid-community.txt"
cp "$nm/echarts/LICENSE" "$vendor/LICENSES/echarts.txt"
cp "$nm/echarts/NOTICE" "$vendor/LICENSES/echarts-NOTICE.txt"
cp "$nm/mermaid/LICENSE" "$vendor/LICENSES/mermaid.txt"
cp "$nm/plotly.js-dist-min/LICENSE" "$vendor/LICENSES/plotly.js.txt"
cp "$nm/vanilla-jsoneditor/LICENSE.md" "$vendor/LICENSES/vanilla-jsoneditor.txt"
{
  echo "flaskui/elements/lib/codemirror/codemirror.min.js bundles these packages:"
  for pkg in $codemirror_packages; do
    echo
    echo "==== $pkg@$(version "$pkg") ===="
    if [ -f "$nm/$pkg/LICENSE" ]; then
      cat "$nm/$pkg/LICENSE"
    else
      echo "License: $(node -p "require('$nm/$pkg/package.json').license") (the package ships no license file)"
    fi
  done
} > "$vendor/LICENSES/codemirror.txt"

{
  for pkg in vue quasar @quasar/extras ag-grid-community codemirror echarts mermaid plotly.js-dist-min \
    vanilla-jsoneditor; do
    echo "$pkg@$(version "$pkg")"
  done
} > "$vendor/VERSIONS.txt"

echo "vendored into $vendor and $lib:"
cat "$vendor/VERSIONS.txt"
