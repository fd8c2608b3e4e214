// The figure timeline webview's script (client/src/views/figureTimeline.ts builds the page): a
// mark opens its figure's article on click, Enter or Space; the chart is saved as SVG or PNG.
// The extension host does the opening and the writing; this script only tells it what was asked,
// and makes the picture. Plain browser JavaScript, loaded by the page's nonce.
(function () {
  const vscode = acquireVsCodeApi();
  const chart = document.querySelector('#chart svg.sanad-timeline');
  if (!chart) return;

  /** @param {Element} el */
  const open = (el) => vscode.postMessage({ type: 'open', id: el.getAttribute('data-id') });
  for (const el of document.querySelectorAll('.sanad-timeline .mark, button.open')) {
    el.addEventListener('click', () => open(el));
    if (el.tagName.toLowerCase() === 'button') continue;
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open(el);
      }
    });
  }
  // The figure the chart was asked for stands out, and has the keyboard first.
  const focus = document.body.getAttribute('data-focus');
  const asked = Array.from(chart.querySelectorAll('.mark')).find((m) => m.getAttribute('data-id') === focus);
  if (asked) {
    asked.classList.add('asked');
    window.addEventListener('focus', () => {
      if (document.activeElement === document.body) asked.focus();
    });
  }

  // The variables the chart's classes read, resolved in the current theme: a saved picture looks
  // as it does here, without the editor around it.
  const VARIABLES = ['--chart-fg', '--chart-grid', '--chart-focus', '--chart-contradiction', '--chart-update', '--chart-internal', ...Array.from({ length: 8 }, (_, i) => `--chart-s${i}`)];

  /** The chart as a standalone SVG document: its style sheet and the theme's colours inside it. */
  function standaloneSvg() {
    const root = getComputedStyle(document.documentElement);
    const copy = /** @type {SVGSVGElement} */ (chart.cloneNode(true));
    for (const el of copy.querySelectorAll('.asked')) el.classList.remove('asked');
    const vars = VARIABLES.map((v) => `${v}: ${root.getPropertyValue(v).trim() || 'currentColor'};`).join(' ');
    const background = getComputedStyle(document.body).backgroundColor;
    const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
    style.textContent = `svg.sanad-timeline { ${vars} background: ${background}; }\n${document.getElementById('chart-css')?.textContent ?? ''}`;
    copy.insertBefore(style, copy.firstChild);
    const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    rect.setAttribute('width', '100%');
    rect.setAttribute('height', '100%');
    rect.setAttribute('fill', background);
    copy.insertBefore(rect, style.nextSibling);
    return new XMLSerializer().serializeToString(copy);
  }

  document.getElementById('save-svg')?.addEventListener('click', () => {
    vscode.postMessage({ type: 'save', format: 'svg', data: standaloneSvg() });
  });

  document.getElementById('save-png')?.addEventListener('click', () => {
    const image = new Image();
    const scale = 2;
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = chart.viewBox.baseVal.width * scale;
      canvas.height = chart.viewBox.baseVal.height * scale;
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
      const url = canvas.toDataURL('image/png');
      vscode.postMessage({ type: 'save', format: 'png', data: url.slice(url.indexOf(',') + 1) });
    };
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(standaloneSvg())}`;
  });
})();
