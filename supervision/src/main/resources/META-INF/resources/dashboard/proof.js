// Checks in the browser that an audit entry is included in the latest signed checkpoint: the
// entry's leaf hash is recomputed here from the entry's own fields (audit-service/README.md, "Leaf
// encoding"), the audit path must lead from that hash to the checkpoint's root (RFC 9162
// §2.1.3.2), and the checkpoint's Ed25519 signature must verify with the published key. Nothing
// the server computed is taken on trust but the previous-leaf link, which one entry cannot check.
import { Auth } from './auth.js';

const hex = s => new Uint8Array(s.match(/../g).map(h => parseInt(h, 16)));
const toHex = b => [...new Uint8Array(b)].map(x => x.toString(16).padStart(2, '0')).join('');
const sha256 = async data => new Uint8Array(await crypto.subtle.digest('SHA-256', data));
function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}
async function nodeHash(left, right) {
  return sha256(concat([Uint8Array.of(1), left, right]));
}
export async function rootFromPath(leafIndex, treeSize, leafHash, path) {
  let fn = BigInt(leafIndex), sn = BigInt(treeSize) - 1n, r = hex(leafHash);
  for (const p of path.map(hex)) {
    if (sn === 0n) return null;
    if ((fn & 1n) === 1n || fn === sn) {
      r = await nodeHash(p, r);
      while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
    } else {
      r = await nodeHash(r, p);
    }
    fn >>= 1n; sn >>= 1n;
  }
  return sn === 0n ? toHex(r) : null;
}

/** RFC 8785 (JCS): members sorted by UTF-16 code units, numbers and strings as JSON.stringify writes them. */
export function canonicalJson(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  return '{' + Object.keys(value).sort().map(k => JSON.stringify(k) + ':' + canonicalJson(value[k])).join(',') + '}';
}
// the leaf's fields: a string is 0x00 if null, else 0x01, its UTF-8 length (4 bytes) and bytes;
// a number 0x00 if null, else 0x01 and 8 bytes; big-endian throughout
function string(s) {
  if (s == null) return Uint8Array.of(0);
  const bytes = new TextEncoder().encode(s);
  const head = new Uint8Array(5);
  head[0] = 1; new DataView(head.buffer).setUint32(1, bytes.length);
  return concat([head, bytes]);
}
function number(n) {
  if (n == null) return Uint8Array.of(0);
  const out = new Uint8Array(9);
  out[0] = 1; new DataView(out.buffer).setBigInt64(1, BigInt(n));
  return out;
}
/** SHA-256(0x00 || leaf) of the entry as exported (ExportRecord), its payload hashed here too. */
export async function leafHashOf(entry) {
  const payloadHash = await sha256(new TextEncoder().encode(canonicalJson(entry.payload ?? null)));
  const leaf = concat([Uint8Array.of(1), string(entry.eventId), string(entry.type), string(entry.source),
    string(entry.aggregateId), number(entry.aggregateSequence), number(entry.eventTime), number(entry.recordedAt),
    string(entry.actor), payloadHash, entry.prevLeafHash ? hex(entry.prevLeafHash) : new Uint8Array(32)]);
  return toHex(await sha256(concat([Uint8Array.of(0), leaf])));
}

/** true or false; null if this browser cannot check Ed25519 or the key or signature cannot be read. */
async function signatureValid(checkpoint) {
  try {
    const pem = await Auth.fetch('/api/audit/public-key').then(r => r.text());
    const der = Uint8Array.from(atob(pem.replace(/-----[^-]+-----|\s/g, '')), c => c.charCodeAt(0));
    const key = await crypto.subtle.importKey('spki', der, { name: 'Ed25519' }, false, ['verify']);
    const body = `sanjiaodi-audit-log/v1\n${checkpoint.treeSize}\n${checkpoint.rootHash}\n${checkpoint.timestamp}\n`;
    const sig = Uint8Array.from(atob(checkpoint.signature), c => c.charCodeAt(0));
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, sig, new TextEncoder().encode(body));
  } catch {
    return null; // not checked here: the offline verifier can; an unchecked signature is no proof
  }
}

/**
 * Whether a proof (GET /api/audit/proofs/inclusion) shows this event in a signed checkpoint.
 * Included only if every step holds; otherwise {@code reason} names the first that failed.
 */
export async function checkInclusion(eventId, proof) {
  const result = { included: false, signed: null, leafIndex: proof.leafIndex, treeSize: proof.treeSize };
  const entry = proof.entry;
  const checkpoint = proof.checkpoint;
  if (!entry || !checkpoint || entry.eventId !== eventId || proof.eventId !== eventId
      || entry.logIndex !== proof.leafIndex || checkpoint.treeSize !== proof.treeSize) {
    return { ...result, reason: 'PROOF_MALFORMED' };
  }
  let leafHash;
  try {
    leafHash = await leafHashOf(entry);
  } catch {
    return { ...result, reason: 'ENTRY_UNREADABLE' };
  }
  if (leafHash !== proof.leafHash) return { ...result, reason: 'ENTRY_CHANGED' };
  const root = await rootFromPath(proof.leafIndex, proof.treeSize, leafHash, proof.auditPath || []).catch(() => null);
  if (root === null || root !== checkpoint.rootHash) return { ...result, reason: 'ROOT_MISMATCH' };
  const signed = await signatureValid(checkpoint);
  if (signed !== true) {
    return { ...result, signed, reason: signed === false ? 'SIGNATURE_INVALID' : 'SIGNATURE_NOT_CHECKED' };
  }
  return { ...result, included: true, signed };
}

export async function verifyInclusion(eventId) {
  const res = await Auth.fetch('/api/audit/proofs/inclusion?eventId=' + encodeURIComponent(eventId));
  const proof = await res.json();
  if (!res.ok) return { included: false, reason: proof.code || res.status };
  return checkInclusion(eventId, proof);
}
