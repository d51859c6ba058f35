// Draws processes/*.bpmn as docs/images/<name>.png with bpmn-js in headless Chromium, as docs/journeys.md shows them.
//   cd docs/tools && npm install --no-save bpmn-js@18 puppeteer-core@23 && node render-models.mjs [model.bpmn ...]
// Without arguments it draws every model. CHROMIUM names the browser (default /usr/bin/chromium).
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const viewer = readFileSync(join(here, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js'), 'utf8');
const models = process.argv.length > 2
  ? process.argv.slice(2).map((file) => resolve(file))
  : readdirSync(join(root, 'processes')).filter((f) => f.endsWith('.bpmn')).map((f) => join(root, 'processes', f));

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  for (const model of models) {
    await page.setViewport({ width: 3000, height: 2000, deviceScaleFactor: 1 });
    await page.setContent('<html><body style="margin:0;background:#fff"><div id="canvas" style="width:3000px;height:2000px"></div></body></html>');
    await page.addScriptTag({ content: viewer });
    const box = await page.evaluate(async (xml) => {
      const bpmn = new BpmnJS({ container: '#canvas' });
      await bpmn.importXML(xml);
      const canvas = bpmn.get('canvas');
      canvas.zoom(1, { x: 0, y: 0 });
      const inner = canvas.viewbox().inner;
      canvas.viewbox({ x: inner.x - 20, y: inner.y - 20, width: 3000, height: 2000 });
      document.querySelector('.bjs-powered-by')?.remove();
      return { width: Math.ceil(inner.width + 40), height: Math.ceil(inner.height + 40) };
    }, readFileSync(model, 'utf8'));
    const out = join(root, 'docs/images', basename(model, '.bpmn') + '.png');
    await page.screenshot({ path: out, clip: { x: 0, y: 0, width: box.width, height: box.height } });
    console.log(`${out} ${box.width}x${box.height}`);
  }
} finally {
  await browser.close();
}
