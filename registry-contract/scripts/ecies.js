#!/usr/bin/env node
// eciesjs (pinned in the project's package.json) from the command line, for interoperability tests.
//   node scripts/ecies.js encrypt <receiver public key hex> <plaintext hex>   -> payload hex
//   node scripts/ecies.js decrypt <receiver secret key hex> <payload hex>     -> plaintext hex
//   node scripts/ecies.js publickey <secret key hex>                          -> uncompressed public key hex
'use strict';
const path = require('path');
const projectRoot = path.resolve(__dirname, '..', '..');
const { encrypt, decrypt, PrivateKey } = require(require.resolve('eciesjs', { paths: [projectRoot] }));

const [command, key, data] = process.argv.slice(2);
const hex = (s) => Buffer.from(s.replace(/^0x/, ''), 'hex');
try {
  if (command === 'encrypt') {
    process.stdout.write(Buffer.from(encrypt(key.replace(/^0x/, ''), hex(data))).toString('hex') + '\n');
  } else if (command === 'decrypt') {
    process.stdout.write(Buffer.from(decrypt(key.replace(/^0x/, ''), hex(data))).toString('hex') + '\n');
  } else if (command === 'publickey') {
    process.stdout.write(Buffer.from(PrivateKey.fromHex(key).publicKey.toBytes(false)).toString('hex') + '\n');
  } else {
    console.error('usage: ecies.js encrypt|decrypt|publickey <key hex> [data hex]');
    process.exit(2);
  }
} catch (e) {
  console.error('ecies.js: ' + e.message);
  process.exit(1);
}
