// The page around the WebAssembly module: loading progress, readable errors, and the
// window.ecomap API (for embedding pages and for tests).
'use strict';
(function () {
  const statusBox = document.getElementById('status');
  const statusTitle = document.getElementById('status-title');
  const statusText = document.getElementById('status-text');
  const bar = document.querySelector('#progress > div');
  const canvas = document.getElementById('canvas');

  function showError(title, detail) {
    statusBox.hidden = false;
    statusBox.classList.add('error');
    statusTitle.textContent = title;
    statusText.textContent = detail;
  }
  window.ecomapShowError = (message) => showError('ecomap stopped', message);

  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {});  // a failed load is shown on the page; callers may still await it

  function call(name, argument) {
    return Module.ccall('ecomap_api_call', 'string', ['string', 'string'], [name, argument === undefined ? '' : String(argument)]);
  }

  window.ecomap = {
    ready,                                           // resolves after the first frame is shown
    frameCount: () => Number(call('frameCount')),    // frames rendered so far (idle frames are not rendered)
    layout: () => JSON.parse(call('layout')),        // CSS-pixel positions of the centre, the ring, each role and token
    _resolveReady: () => { statusBox.hidden = true; resolveReady(); },
  };

  function fail(title, detail) {
    showError(title, detail);
    rejectReady(new Error(title + ': ' + detail));
  }

  // WebGL2 first: without it nothing can be drawn, so say so instead of a blank page.
  const probe = document.createElement('canvas').getContext('webgl2');
  if (!probe) {
    fail('This browser cannot show the map',
         'ecomap needs WebGL2, which is turned off or unsupported here. Try a current Firefox, Chrome, Edge or Safari, ' +
         'or enable hardware acceleration in the browser settings.');
    return;
  }

  // Download the module ourselves to show real progress.
  async function fetchWasm(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error('the server answered ' + response.status + ' for ' + url);
    const total = Number(response.headers.get('Content-Length')) || 0;
    if (!response.body || !total) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    const chunks = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      bar.style.width = Math.min(100, (100 * received) / total).toFixed(1) + '%';
      statusText.textContent = 'Downloading the app: ' + (received / 1048576).toFixed(1) + ' of ' +
                               (total / 1048576).toFixed(1) + ' MB';
    }
    const bytes = new Uint8Array(received);
    let offset = 0;
    for (const chunk of chunks) { bytes.set(chunk, offset); offset += chunk.length; }
    return bytes;
  }

  window.Module = {
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    instantiateWasm(imports, receiveInstance) {
      fetchWasm('ecomap.wasm')
        .then((bytes) => { statusText.textContent = 'Starting…'; bar.style.width = '100%';
                           return WebAssembly.instantiate(bytes, imports); })
        .then((result) => receiveInstance(result.instance, result.module))
        .catch((error) => fail('The map could not be loaded', String(error.message || error)));
      return {};
    },
    onAbort: (what) => fail('ecomap stopped', 'The app hit an internal error (' + what + '). Reload the page to start again.'),
  };

  // Keep the browser's own shortcuts (zoom, reload) working while the canvas has focus.
  window.addEventListener('keydown', (event) => {
    const mod = event.ctrlKey || event.metaKey;
    if ((mod && ['+', '=', '-', '0', 'r', 'R'].includes(event.key)) || event.key === 'F5') event.stopPropagation();
  }, true);
  canvas.addEventListener('mousedown', () => canvas.focus());

  const script = document.createElement('script');
  script.src = 'ecomap.js';
  script.onerror = () => fail('The map could not be loaded', 'ecomap.js did not download. Check the connection and reload.');
  document.body.appendChild(script);
})();
