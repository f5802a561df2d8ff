// Computes the frozen CID vectors of samizdat.mirror.ipfs.CarExportTest with public reference
// implementations, so the Java encoder is checked against code it shares nothing with.
//
//   mkdir /tmp/ipfsvec && cd /tmp/ipfsvec && npm install ipfs-unixfs-importer @ipld/car blockstore-core multiformats
//   NODE_PATH=/tmp/ipfsvec/node_modules node --experimental-default-type=module ipfs-vectors.mjs vectors
//     (or copy this file into /tmp/ipfsvec and run `node ipfs-vectors.mjs vectors`)
//   node ipfs-vectors.mjs check FILE.car     -> roots, block count, every block re-hashed
//
// Options are kubo's `ipfs add -r --cid-version=1` defaults: CIDv1, raw leaves, 256 KiB fixed
// chunks, balanced layout with 174 links per node, single-chunk files reduced to the leaf.
// The fixture contents come from the same xorshift32 generator the Java test uses.
import { importer } from 'ipfs-unixfs-importer'
import { fixedSize } from 'ipfs-unixfs-importer/chunker'
import { balanced } from 'ipfs-unixfs-importer/layout'
import { MemoryBlockstore } from 'blockstore-core'
import { CarReader } from '@ipld/car'
import { sha256 } from 'multiformats/hashes/sha2'
import * as dagPb from '@ipld/dag-pb'
import fs from 'node:fs'

function pseudoRandom (seed, length) {
  const out = new Uint8Array(length)
  let x = seed | 0
  for (let i = 0; i < length; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}
const text = (s) => new TextEncoder().encode(s)
const C = 262144

// name -> list of [path, content | null (directory)]
const fixtures = {
  'empty-directory': [],
  'zero-byte-file': [['empty.txt', new Uint8Array(0)]],
  'one-full-chunk': [['chunk.bin', pseudoRandom(1, C)]],
  'one-chunk-plus-one-byte': [['two.bin', pseudoRandom(2, C + 1)]],
  'two-level-tree': [['full.bin', pseudoRandom(4, 174 * C)], ['over.bin', pseudoRandom(3, 175 * C + 100)]],
  'nested-non-ascii': [
    ['index.html', text('<!doctype html><title>首页</title>\n')],
    ['新闻/2024年/文章 一.html', pseudoRandom(5, 5000)],
    ['新闻/图片/照片.jpg', pseudoRandom(6, 300000)],
    ['新闻/空目录', null],
    ['B.txt', text('upper\n')],
    ['a.txt', text('lower\n')],
    ['\uFF21.txt', text('x')],
    ['\u{1F600}.txt', text('x')],
    ['a/b/c/d.txt', text('deep\n')],
    ['same1.txt', text('same\n')],
    ['same2.txt', text('same\n')]
  ],
  // kubo shards a folder once the sum of its links' name and CID lengths passes 256 KiB:
  // 4854 * (18 + 36) = 262116 stays a plain folder, 4855 * 54 = 262170 becomes a HAMT.
  'flat-below-shard-threshold': manyFiles(4854),
  'sharded-above-threshold': manyFiles(4855)
}

function manyFiles (count) {
  const entries = []
  for (let i = 0; i < count; i++) {
    const n = String(i).padStart(5, '0')
    entries.push(['article-' + n + '.html', text('<p>' + n + '</p>\n')])
  }
  return entries
}

const options = {
  cidVersion: 1,
  rawLeaves: true,
  reduceSingleLeafToSelf: true,
  chunker: fixedSize({ chunkSize: C }),
  layout: balanced({ maxChildrenPerNode: 174 }),
  wrapWithDirectory: false
}

async function vectors () {
  for (const [name, entries] of Object.entries(fixtures)) {
    const blockstore = new MemoryBlockstore()
    const source = [{ path: 'root' }]
    for (const [path, content] of entries) {
      source.push(content === null ? { path: 'root/' + path } : { path: 'root/' + path, content })
    }
    let root, files = {}
    for await (const entry of importer(source, blockstore, options)) {
      if (entry.path === 'root') root = entry.cid
      else files[entry.path.slice(5)] = entry.cid.toString()
    }
    // Blocks reachable from the root (the store may also hold intermediate directory versions).
    const blocks = await reachable(blockstore, root)
    if (Object.keys(files).length > 20) files = { 'article-00000.html': files['article-00000.html'] }
    console.log(JSON.stringify({ fixture: name, root: root.toString(), blocks, files }))
  }
}

// blockstore-core 7 yields a block as chunks; older versions return it.
async function getBytes (blockstore, cid) {
  const got = blockstore.get(cid)
  if (got instanceof Uint8Array) return got
  if (typeof got.then === 'function') return await got
  const parts = []
  for await (const part of got) parts.push(part)
  return concat(parts)
}
const concat = (parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let o = 0
  for (const p of parts) { out.set(p, o); o += p.length }
  return out
}

async function reachable (blockstore, root) {
  const seen = new Set()
  const stack = [root]
  while (stack.length > 0) {
    const cid = stack.pop()
    if (seen.has(cid.toString())) continue
    seen.add(cid.toString())
    if (cid.code === dagPb.code) {
      const node = dagPb.decode(await getBytes(blockstore, cid))
      for (const link of node.Links) stack.push(link.Hash)
    }
  }
  return seen.size
}

async function check (file) {
  const reader = await CarReader.fromBytes(fs.readFileSync(file))
  const roots = await reader.getRoots()
  let blocks = 0, bad = 0
  for await (const { cid, bytes } of reader.blocks()) {
    blocks++
    const digest = await sha256.digest(bytes)
    if (!equal(digest.bytes, cid.multihash.bytes)) bad++
  }
  console.log(JSON.stringify({ roots: roots.map(String), blocks, badBlocks: bad }))
}
const equal = (a, b) => a.length === b.length && a.every((v, i) => v === b[i])

if (process.argv[2] === 'check') await check(process.argv[3])
else await vectors()
