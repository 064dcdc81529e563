// Linked into the module with --post-js: runs inside the module's scope, so it can
// copy bytes and strings into the wasm heap for web/ecomap-page.js. Everything crosses
// through _malloc'ed heap buffers, never as ccall string arguments (those are copied
// onto the 5 MiB wasm stack, and a big map would overwrite memory).
function ecomapHeapBytes(bytes) {        // a copy of a Uint8Array in the heap, NUL-terminated; free with _free
  const ptr = _malloc(bytes.length + 1);
  if (!ptr) throw new Error('not enough memory for ' + (bytes.length / 1048576).toFixed(1) + ' MB');
  HEAPU8.set(bytes, ptr);
  HEAPU8[ptr + bytes.length] = 0;
  return ptr;
}
const ecomapEncoder = new TextEncoder();
function ecomapString(text) {           // a NUL-terminated UTF-8 copy in the heap; free with _free
  return ecomapHeapBytes(ecomapEncoder.encode(String(text)));
}

Module['ecomapBridge'] = {
  // window.ecomap.<name>(argument) -> result text.
  call(name, argument) {
    const namePtr = ecomapString(name);
    let argPtr = 0;
    try {
      argPtr = ecomapString(argument === undefined ? '' : argument);
      return UTF8ToString(_ecomap_api_call(namePtr, argPtr));
    } finally { if (argPtr) _free(argPtr); _free(namePtr); }
  },
  // Maps handed to the app's door: [{name, bytes: Uint8Array}], origin "file" | "drop" |
  // "url" | "api" | "recent" | "merge"; quiet: the outcome is only returned (no dialog).
  // Returns the outcome {ok, errors, warnings | report}.
  open(files, origin, quiet) {
    _ecomap_files_begin();
    for (const file of files) {
      let namePtr = 0, dataPtr = 0;
      try {
        namePtr = ecomapString(file.name);
        dataPtr = ecomapHeapBytes(file.bytes);
        if (!_ecomap_files_add(namePtr, dataPtr, file.bytes.length)) throw new Error('not enough memory for ' + file.name);
      } catch (error) {
        _ecomap_files_begin();  // drops what was added
        return { ok: false, errors: [String(error.message || error)], warnings: [], report: [] };
      } finally { if (dataPtr) _free(dataPtr); if (namePtr) _free(namePtr); }
    }
    const originPtr = ecomapString(origin);
    try { return JSON.parse(UTF8ToString(_ecomap_files_end(originPtr, quiet ? 1 : 0))); } finally { _free(originPtr); }
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
  // A copy of `size` bytes the app left in the heap at `pointer` (an export's file).
  heapBytes(pointer, size) { return HEAPU8.slice(pointer, pointer + size); },
};
