// Nothing in the returns is hard-coded to Azerbaijan: every return is made for Zedland (profiles/zz).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';
import { RETURN_NAMES } from './schema.ts';

let t: TestApp;
let coordinator: Client;

before(async () => {
  t = await startTestApp({ profile: 'zz' });
  coordinator = await t.as('coordinator');
});
after(() => t.close());

test('every return is made for a fictional country, named by its own code, with k from its profile', async () => {
  assert.equal(t.ctx.profile.settings.returns.ctdcK, 11, 'the default k when the profile does not set one');
  for (const name of RETURN_NAMES) {
    const res = await coordinator.get(`/api/returns/${name}?from=2024-01-01&to=2024-12-31&as=json`);
    assert.equal(res.status, 200, `${name}: ${JSON.stringify(res.body)}`);
    assert.match(res.body.fileName, new RegExp(`^azad-${name}-zz-2024\\.(xlsx|csv)$`));
    assert.deepEqual(res.body.findings.filter((f: { code: string }) => f.code === 'report_disagrees'), [], name);
  }
});
