// Renders BPMN files to SVG (bpmn-js saveSVG) and PNG (screenshot of the
// canvas) in headless Debian Chromium driven by playwright-core.
// Called by docs/render-diagrams.sh:
//   node docs/render-diagrams.mjs <renderDir> <outDir> <file.bpmn>...
import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const [renderDir, outDir, ...files] = process.argv.slice(2);
if (!renderDir || !outDir || files.length === 0) {
  console.error('usage: render-diagrams.mjs <renderDir> <outDir> <file.bpmn>...');
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(renderDir), 'package.json'));
const { chromium } = require('playwright-core');
const bpmnJsDir = path.dirname(require.resolve('bpmn-js/package.json'));

const MARGIN = 30;          // px around the diagram in the PNG
const SCALE = 2;            // PNG pixel density

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--no-first-run'],
});
let failed = 0;
try {
  for (const file of files) {
    const name = path.basename(file, '.bpmn');
    try {
      await render(file, name);
    } catch (e) {
      failed++;
      console.error(`${file}: ${e.message}`);
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);

async function render(file, name) {
  const xml = await readFile(file, 'utf8');
  const page = await browser.newPage({ viewport: { width: 800, height: 600 }, deviceScaleFactor: SCALE });
  try {
    // Offline: nothing may be fetched from the network.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8">
      <style>html,body{margin:0;padding:0;background:#fff}#canvas{width:100vw;height:100vh}</style>
      </head><body><div id="canvas"></div></body></html>`);
    await page.addStyleTag({ path: path.join(bpmnJsDir, 'dist/assets/diagram-js.css') });
    await page.addStyleTag({ path: path.join(bpmnJsDir, 'dist/assets/bpmn-js.css') });
    await page.addScriptTag({ path: path.join(bpmnJsDir, 'dist/bpmn-viewer.production.min.js') });

    const result = await page.evaluate(async (xml) => {
      const viewer = new BpmnJS({ container: '#canvas' });
      window.viewer = viewer;
      const { warnings } = await viewer.importXML(xml);
      const registry = viewer.get('elementRegistry');
      // Every flow element of every process must have been drawn.
      const missing = [];
      const walk = (container) => {
        for (const el of container.flowElements || []) {
          if (!registry.get(el.id)) missing.push(`${el.$type} ${el.id}`);
          if (el.flowElements) walk(el);
        }
      };
      for (const root of viewer.getDefinitions().rootElements) {
        if (root.$type === 'bpmn:Process') walk(root);
      }
      const inner = viewer.get('canvas').viewbox().inner;
      return { warnings: warnings.map((w) => w.message), missing, inner };
    }, xml);

    for (const w of result.warnings) console.warn(`${file}: warning: ${w}`);
    if (result.missing.length) {
      throw new Error(`no diagram shape for: ${result.missing.join(', ')}`);
    }

    // Size the page to the diagram, then fit it into the viewport.
    await page.setViewportSize({
      width: Math.ceil(result.inner.width + 2 * MARGIN),
      height: Math.ceil(result.inner.height + 2 * MARGIN),
    });
    const svg = await page.evaluate(async () => {
      const canvas = window.viewer.get('canvas');
      canvas.resized();
      canvas.zoom('fit-viewport', 'auto');
      await document.fonts.ready;
      return (await window.viewer.saveSVG({ format: true })).svg;
    });
    const svgPath = path.join(outDir, `${name}.svg`);
    const pngPath = path.join(outDir, `${name}.png`);
    await writeFile(svgPath, stableIds(svg));
    await page.locator('#canvas').screenshot({ path: pngPath });
    console.log(`${file} -> ${path.relative(process.cwd(), svgPath)}, ${path.relative(process.cwd(), pngPath)}`);
  } finally {
    await page.close();
  }
}

// bpmn-js gives arrow markers random ids; number them in order of appearance
// so that re-rendering an unchanged diagram leaves the SVG byte-identical.
function stableIds(svg) {
  const ids = new Map();
  const out = svg.replace(/(id="|#)(marker-[a-z0-9]+)/g, (_, pre, id) => {
    if (!ids.has(id)) ids.set(id, `marker-${ids.size + 1}`);
    return pre + ids.get(id);
  });
  // White background, so the diagram stays readable on dark pages.
  const withBg = out.replace(/<svg [^>]*viewBox="([^"]+)"[^>]*>/, (tag, vb) => {
    const [x, y, w, h] = vb.trim().split(/\s+/);
    return `${tag}<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#ffffff"/>`;
  });
  return withBg.endsWith('\n') ? withBg : withBg + '\n';
}
