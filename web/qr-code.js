// QR codes for the Room and Share panels, bundled on its own by server/build-client.mjs into
// dist/qr.js (a classic script that sets window.ecomapQrCanvas), loaded only when a panel shows a
// code: the first load of the app does not carry the encoder.
import qrcode from 'qrcode-generator';

// The QR code of a text as rows of booleans (true = dark); error correction M (a join link), or
// L for long texts (a share link: fewer, larger modules).
export function qrMatrix(text, level = 'M') {
  const qr = qrcode(0, level);
  qr.addData(String(text));
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

// A canvas with the QR code of `text`, its quiet zone included, about `size` pixels wide and at
// least 3 pixels a module (smaller cannot be read by phones). Used by the Room and Share panels.
export function qrCanvas(text, size, level = 'M') {
  const rows = qrMatrix(text, level);
  const n = rows.length + 8;
  const scale = Math.max(3, Math.floor(size / n));
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = n * scale;
  canvas.setAttribute('role', 'img');
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = '#000';
  rows.forEach((row, r) => row.forEach((dark, c) => { if (dark) g.fillRect((c + 4) * scale, (r + 4) * scale, scale, scale); }));
  return canvas;
}

export function installInPage(win = globalThis) { win.ecomapQrCanvas = qrCanvas; }
