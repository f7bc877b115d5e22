#!/usr/bin/env node
// Compiles ServiceRegistry.sol with the pinned solc from npm (standard-JSON API, no download) and
// writes the ABI, the deployment bytecode and the runtime bytecode. Output is deterministic: same source, same bytes.
//   node scripts/compile.js [outputDir]   (default: src/main/resources/dev/br2k/registry/contract)
'use strict';
const fs = require('fs');
const path = require('path');

const moduleDir = path.resolve(__dirname, '..');
const projectRoot = path.resolve(moduleDir, '..');
const solc = require(require.resolve('solc', { paths: [projectRoot] }));

const EXPECTED_SOLC = '0.8.30';
const version = solc.version();
if (!version.startsWith(EXPECTED_SOLC + '+')) {
  console.error(`compile.js: solc ${EXPECTED_SOLC} expected, found ${version}. Run scripts/install-deps at the project root.`);
  process.exit(2);
}

const sourceName = 'ServiceRegistry.sol';
const source = fs.readFileSync(path.join(moduleDir, 'src/main/solidity', sourceName), 'utf8').replace(/\r\n/g, '\n');
const input = {
  language: 'Solidity',
  sources: { [sourceName]: { content: source } },
  settings: {
    // paris: no PUSH0/MCOPY, so the registry also deploys on older private chains (geth PoA, besu).
    evmVersion: 'paris',
    optimizer: { enabled: true, runs: 200 },
    viaIR: true,
    outputSelection: { [sourceName]: { ServiceRegistry: ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
for (const e of output.errors || []) console.error(e.formattedMessage);
if (errors.length > 0) process.exit(1);

const contract = output.contracts[sourceName].ServiceRegistry;
const outDir = path.resolve(process.argv[2] || path.join(moduleDir, 'src/main/resources/dev/br2k/registry/contract'));
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'ServiceRegistry.abi'), JSON.stringify(contract.abi, null, 2) + '\n');
fs.writeFileSync(path.join(outDir, 'ServiceRegistry.bin'), contract.evm.bytecode.object);
// The code a deployed registry holds: clients compare its hash with eth_getCode's to recognise a registry.
fs.writeFileSync(path.join(outDir, 'ServiceRegistry.bin-runtime'), contract.evm.deployedBytecode.object);
fs.writeFileSync(path.join(outDir, 'ServiceRegistry.solc-version'), version + '\n');
console.log(`compile.js: ServiceRegistry compiled with solc ${version} into ${outDir}`);
