// Checks in the browser that an audit entry is included in the latest signed checkpoint:
// the audit path must lead from the entry's leaf hash to the checkpoint's root (RFC 9162
// §2.1.3.2), and the checkpoint's Ed25519 signature must verify with the published key.
import { Auth } from './auth.js';

const hex = s => new Uint8Array(s.match(/../g).map(h => parseInt(h, 16)));
const toHex = b => [...new Uint8Array(b)].map(x => x.toString(16).padStart(2, '0')).join('');
async function nodeHash(left, right) {
  const data = new Uint8Array(1 + left.length + right.length);
  data[0] = 1; data.set(left, 1); data.set(right, 1 + left.length);
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data));
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
async function signatureValid(checkpoint) {
  try {
    const pem = await Auth.fetch('/api/audit/public-key').then(r => r.text());
    const der = Uint8Array.from(atob(pem.replace(/-----[^-]+-----|\s/g, '')), c => c.charCodeAt(0));
    const key = await crypto.subtle.importKey('spki', der, { name: 'Ed25519' }, false, ['verify']);
    const body = `sanjiaodi-audit-log/v1\n${checkpoint.treeSize}\n${checkpoint.rootHash}\n${checkpoint.timestamp}\n`;
    const sig = Uint8Array.from(atob(checkpoint.signature), c => c.charCodeAt(0));
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, sig, new TextEncoder().encode(body));
  } catch {
    return null; // this browser cannot check Ed25519; the offline verifier can
  }
}
export async function verifyInclusion(eventId) {
  const res = await Auth.fetch('/api/audit/proofs/inclusion?eventId=' + encodeURIComponent(eventId));
  const proof = await res.json();
  if (!res.ok) return { included: false, reason: proof.code || res.status };
  const root = await rootFromPath(proof.leafIndex, proof.treeSize, proof.leafHash, proof.auditPath);
  const signed = await signatureValid(proof.checkpoint);
  return { included: root !== null && root === proof.checkpoint.rootHash && signed !== false, signed,
           leafIndex: proof.leafIndex, treeSize: proof.treeSize };
}
