// The dashboard's verifier (dashboard/proof.js) under Node's test runner, run by the Maven build
// (`npm test`): genuine proofs verify, and a proof whose entry, path, root or signature was
// tampered with, or whose signature could not be checked, does not.
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { beforeEach, test } from 'node:test';

const TOKEN = { accessToken: 'token', expiresAt: Date.now() + 3600000 };
const storage = new Map([['sanjiaodi.token', JSON.stringify(TOKEN)]]);
globalThis.location = { href: 'http://localhost/dashboard/', hash: '', assign() { throw new Error('signed out'); } };
globalThis.sessionStorage = { getItem: k => storage.get(k) ?? null, setItem: (k, v) => storage.set(k, v), removeItem: k => storage.delete(k) };

const { canonicalJson, checkInclusion, leafHashOf, verifyInclusion } =
  await import('../../resources/META-INF/resources/dashboard/proof.js');

const keys = generateKeyPairSync('ed25519');
const PEM = keys.publicKey.export({ type: 'spki', format: 'pem' });
let publicKeyPem = PEM;
let served = null;
globalThis.fetch = async path => {
  if (path === '/api/audit/public-key') return new Response(publicKeyPem);
  if (path.startsWith('/api/audit/proofs/inclusion')) return new Response(JSON.stringify(served), { status: 200 });
  throw new Error('unexpected fetch ' + path);
};

// RFC 9162 §2.1, written out independently of the verifier: the tree hash and the audit path
const h = (...parts) => createHash('sha256').update(Buffer.concat(parts.map(p => Buffer.from(p)))).digest();
const largestPowerOfTwoBelow = n => { let k = 1; while (k * 2 < n) k *= 2; return k; };
function mth(leaves) {
  if (leaves.length === 1) return leaves[0];
  const k = largestPowerOfTwoBelow(leaves.length);
  return h([1], mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}
function path(m, leaves) {
  if (leaves.length === 1) return [];
  const k = largestPowerOfTwoBelow(leaves.length);
  return m < k ? [...path(m, leaves.slice(0, k)), mth(leaves.slice(k))]
    : [...path(m - k, leaves.slice(k)), mth(leaves.slice(0, k))];
}
const hex = b => Buffer.from(b).toString('hex');

function entry(i, payload) {
  return { logIndex: i, eventId: 'e-' + i, type: 'InterviewConducted', source: '/sanjiaodi/interview-service',
    aggregateId: 'iv-' + i, aggregateSequence: i, eventTime: 1542272400000 + i, recordedAt: 1542272401234 + i,
    actor: i % 2 ? 'office' : null, payloadHash: null, prevLeafHash: i > 0 ? 'ab'.repeat(32) : null, payload };
}

async function proofFor(index, entries) {
  const leaves = await Promise.all(entries.map(async e => Buffer.from(await leafHashOf(e), 'hex')));
  const checkpoint = { treeSize: entries.length, rootHash: hex(mth(leaves)), timestamp: 1542272500000 };
  const body = `sanjiaodi-audit-log/v1\n${checkpoint.treeSize}\n${checkpoint.rootHash}\n${checkpoint.timestamp}\n`;
  checkpoint.signature = sign(null, Buffer.from(body), keys.privateKey).toString('base64');
  return { eventId: entries[index].eventId, leafIndex: index, treeSize: entries.length, leafHash: hex(leaves[index]),
    auditPath: path(index, leaves).map(hex), checkpoint, entry: entries[index] };
}

const ENTRIES = [
  entry(0, { interviewId: 'iv-0', place: '谈话室', lists: { problems: [{ itemId: 'p1', description: '采购不规范' }] } }),
  entry(1, { interviewId: 'iv-1', score: 1.5, count: 12, flag: true, none: null, 'z-last': 'z', 'A-first': '"引号"\n' }),
  entry(2, null),
  entry(3, { interviewId: 'iv-3' }),
  entry(4, JSON.parse('{"interviewId": "iv-4", "beyondDoubles": 9007199254740993}'))
];

beforeEach(() => { publicKeyPem = PEM; });

test('the leaf hash is the one of the README test vector, computed independently with Python', async () => {
  const vector = { eventId: 'e-1', type: 'InterviewConducted', source: '/sanjiaodi/interview-service',
    aggregateId: 'iv-1', aggregateSequence: 3, eventTime: 1542272400000, recordedAt: 1542272401234, actor: null,
    payload: { place: '谈话室', interviewId: 'iv-1' }, prevLeafHash: null };
  assert.equal(canonicalJson(vector.payload), '{"interviewId":"iv-1","place":"谈话室"}');
  assert.equal(await leafHashOf(vector), 'ab18c29ba006a12b30e0da1e3c10d2c02192ae0a8b08e2587bd95a7f4d595a0b');
});

test('a genuine proof of every entry of a five-entry tree verifies', async () => {
  for (let i = 0; i < ENTRIES.length; i++) {
    const result = await checkInclusion('e-' + i, await proofFor(i, ENTRIES));
    assert.deepEqual(result, { included: true, signed: true, leafIndex: i, treeSize: 5 }, 'entry ' + i);
  }
});

test('an entry changed after it was logged fails, whatever leaf hash the server sends with it', async () => {
  for (const change of [e => { e.payload.place = '会议室'; }, e => { e.type = 'InterviewCancelled'; },
    e => { e.recordedAt += 1; }, e => { e.actor = 'admin'; }, e => { e.prevLeafHash = 'cd'.repeat(32); }]) {
    const proof = await proofFor(0, ENTRIES);
    proof.entry = structuredClone(proof.entry);
    change(proof.entry);
    const result = await checkInclusion('e-0', proof);
    assert.equal(result.included, false);
    assert.equal(result.reason, 'ENTRY_CHANGED');
  }
});

test('a path or root that does not lead to the signed checkpoint fails', async () => {
  const wrongStep = await proofFor(1, ENTRIES);
  wrongStep.auditPath[0] = '00'.repeat(32);
  assert.equal((await checkInclusion('e-1', wrongStep)).reason, 'ROOT_MISMATCH');

  const shortPath = await proofFor(1, ENTRIES);
  shortPath.auditPath.pop();
  assert.equal((await checkInclusion('e-1', shortPath)).reason, 'ROOT_MISMATCH');

  const otherTree = await proofFor(1, ENTRIES.slice(0, 4));
  otherTree.checkpoint = (await proofFor(1, ENTRIES)).checkpoint;
  otherTree.treeSize = 5;
  assert.equal((await checkInclusion('e-1', otherTree)).included, false);

  const anotherLeaf = await proofFor(1, ENTRIES);
  const other = await proofFor(3, ENTRIES);
  anotherLeaf.entry = other.entry;
  anotherLeaf.eventId = 'e-3';
  anotherLeaf.entry = { ...other.entry, logIndex: 1 };
  assert.equal((await checkInclusion('e-3', anotherLeaf)).included, false);
});

test('a checkpoint whose signature does not verify fails', async () => {
  const proof = await proofFor(2, ENTRIES);
  const sig = Buffer.from(proof.checkpoint.signature, 'base64');
  sig[0] ^= 1;
  proof.checkpoint.signature = sig.toString('base64');
  const result = await checkInclusion('e-2', proof);
  assert.deepEqual([result.included, result.signed, result.reason], [false, false, 'SIGNATURE_INVALID']);

  const otherKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' });
  publicKeyPem = otherKey;
  assert.equal((await checkInclusion('e-2', await proofFor(2, ENTRIES))).reason, 'SIGNATURE_INVALID');
});

test('a signature that could not be checked at all is no proof either', async () => {
  const unreadable = await proofFor(2, ENTRIES);
  unreadable.checkpoint.signature = '!! not base64 !!';
  const result = await checkInclusion('e-2', unreadable);
  assert.deepEqual([result.included, result.signed, result.reason], [false, null, 'SIGNATURE_NOT_CHECKED']);

  publicKeyPem = 'not a key';
  assert.equal((await checkInclusion('e-2', await proofFor(2, ENTRIES))).included, false);
});

test('a proof for another event, index or tree size than the one asked for fails', async () => {
  const proof = await proofFor(1, ENTRIES);
  assert.equal((await checkInclusion('e-0', proof)).reason, 'PROOF_MALFORMED');
  assert.equal((await checkInclusion('e-1', { ...proof, leafIndex: 0 })).reason, 'PROOF_MALFORMED');
  assert.equal((await checkInclusion('e-1', { ...proof, treeSize: 4 })).reason, 'PROOF_MALFORMED');
  assert.equal((await checkInclusion('e-1', { ...proof, entry: undefined })).reason, 'PROOF_MALFORMED');
});

test('verifyInclusion checks what the proof endpoint answers', async () => {
  served = await proofFor(4, ENTRIES);
  assert.equal((await verifyInclusion('e-4')).included, true);
  served = { ...served, leafHash: '00'.repeat(32) };
  assert.deepEqual(await verifyInclusion('e-4'),
    { included: false, signed: null, leafIndex: 4, treeSize: 5, reason: 'ENTRY_CHANGED' });
});
