import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientNetwork } from './network.ts';

test('per-address limits count an IPv6 client by its /64, an IPv4 client by its address', () => {
  assert.equal(clientNetwork('203.0.113.9'), '203.0.113.9');
  assert.equal(clientNetwork('::ffff:203.0.113.9'), '203.0.113.9');
  // Every address of one /64, however written, is one client.
  const one = ['2001:db8:1:2::1', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:0db8:0001:0002:0:0:0:abcd', '2001:DB8:1:2::dead:beef'].map(clientNetwork);
  assert.deepEqual(new Set(one), new Set(['2001:db8:1:2::/64']));
  assert.notEqual(clientNetwork('2001:db8:1:3::1'), clientNetwork('2001:db8:1:2::1'));
  assert.equal(clientNetwork('::1'), '0:0:0:0::/64');
  assert.equal(clientNetwork('fe80::1%eth0'), 'fe80:0:0:0::/64');
});
