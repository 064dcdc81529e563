// Linked into the module with --post-js: runs inside the module's scope, so it can
// copy bytes and strings into the wasm heap for web/ecomap-page.js.
function ecomapString(text) {           // a new NUL-terminated UTF-8 copy in the heap; free with _free
  const size = lengthBytesUTF8(text) + 1;
  const ptr = _malloc(size);
  stringToUTF8(text, ptr, size);
  return ptr;
}

Module['ecomapBridge'] = {
  openFile(name, bytes) {               // bytes: Uint8Array
    const namePtr = ecomapString(name);
    const dataPtr = _malloc(Math.max(1, bytes.length));
    HEAPU8.set(bytes, dataPtr);
    try { _ecomap_file_opened(namePtr, dataPtr, bytes.length); } finally { _free(dataPtr); _free(namePtr); }
  },
  openFiles(files) {                    // [{name, bytes: Uint8Array}, ...] delivered as one batch
    _ecomap_files_begin();
    for (const file of files) {
      const namePtr = ecomapString(file.name);
      const dataPtr = _malloc(Math.max(1, file.bytes.length));
      HEAPU8.set(file.bytes, dataPtr);
      try { _ecomap_files_add(namePtr, dataPtr, file.bytes.length); } finally { _free(dataPtr); _free(namePtr); }
    }
    _ecomap_files_end();
  },
  paste(text) {
    const ptr = ecomapString(text);
    try { _ecomap_paste(ptr); } finally { _free(ptr); }
  },
  typed(text) {
    const ptr = ecomapString(text);
    try { _ecomap_typed(ptr); } finally { _free(ptr); }
  },
  key(name, down) {
    const ptr = ecomapString(name);
    try { _ecomap_key(ptr, down ? 1 : 0); } finally { _free(ptr); }
  },
  flush() { _ecomap_flush(); },
};
