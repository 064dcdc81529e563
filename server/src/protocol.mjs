// ecomap rooms: names and limits shared by the server and the page-side client (docs/rooms.md).

// Room codes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L, no U/V pair issues).
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
export const CODE_LENGTH = 6;

// Collections of records in a participant's (and the facilitator's) document: one Y.Map each,
// keyed by record id, values are the JSON records of the file format (README.md).
export const COLLECTIONS = ['entities', 'placements', 'relationships'];

// Default limits (each can be changed with a server option; the client reads them from the join answer).
export const DEFAULT_LIMITS = {
  maxParticipants: 200,        // participants per room
  maxRecordsPerDoc: 500,       // entities + placements + relationships in one participant's document
  maxRecordBytes: 16 * 1024,   // one record as JSON
  maxDocBytes: 2 * 1024 * 1024, // one document's encoded state
  maxMessageBytes: 1024 * 1024, // one websocket message (larger: closed with 1009)
  maxNameLength: 80,           // a participant's display name
  maxTitleLength: 200,         // a room title
};

// Document names: room/<code>/index (server-written), room/<code>/facilitator, room/<code>/p/<participant id>.
export function indexDoc(code) { return `room/${code}/index`; }
export function facilitatorDoc(code) { return `room/${code}/facilitator`; }
export function participantDoc(code, pid) { return `room/${code}/p/${pid}`; }

// {code, kind: 'index'|'facilitator'|'participant', pid} or null for any other name.
export function parseDocName(name) {
  if (typeof name !== 'string' || name.length > 64) return null;
  const m = /^room\/([2-9A-Z]{6,12})\/(index|facilitator|p\/([a-z0-9]{8,32}))$/.exec(name);
  if (!m) return null;
  if (m[2] === 'index') return { code: m[1], kind: 'index', pid: null };
  if (m[2] === 'facilitator') return { code: m[1], kind: 'facilitator', pid: null };
  return { code: m[1], kind: 'participant', pid: m[3] };
}

// What people type: case, spaces and dashes do not matter.
export function normalizeCode(text) {
  if (typeof text !== 'string') return '';
  return text.toUpperCase().replace(/[\s-]/g, '').slice(0, 32);
}

export function isValidCode(code) {
  if (code.length < CODE_LENGTH || code.length > 12) return false;
  for (const c of code) if (!CODE_ALPHABET.includes(c)) return false;
  return true;
}
