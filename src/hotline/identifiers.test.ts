import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeAny, normalizeHandle, normalizePhone } from './identifiers.ts';

test('common Azerbaijani phone formats all become one E.164 number', () => {
  const forms = ['050 123 45 67', '+994 50 123 45 67', '+994 (50) 1234567', '00994501234567', '994501234567', '(050) 123-45-67', '0501234567'];
  for (const f of forms) assert.deepEqual([f, normalizePhone(f, 'AZ').normalized], [f, '+994501234567']);
  assert.equal(normalizePhone('+90 532 123 45 67', 'AZ').normalized, '+905321234567');
});

test('an unparseable number is kept as written, marked invalid, and still matches itself', () => {
  const a = normalizePhone('12-34', 'AZ');
  assert.equal(a.valid, false);
  assert.equal(a.value, '12-34');
  assert.equal(a.normalized, normalizePhone('1234', 'AZ').normalized);
});

test('handles and profile URLs meet at one handle', () => {
  for (const f of ['@Recruiter.Baku', 'https://t.me/recruiter.baku', 'instagram.com/recruiter.baku/', 'https://www.instagram.com/@recruiter.baku?igsh=1']) {
    assert.equal(normalizeHandle(f).normalized, 'recruiter.baku', f);
  }
  assert.equal(normalizeHandle('https://jobs.example.az/ad/123').normalized, 'jobs.example.az/ad/123');
  assert.equal(normalizeAny('+994 50 123 45 67', 'AZ').kind, 'phone');
  assert.equal(normalizeAny('@x_recruiter', 'AZ').kind, 'handle');
});

test('posts, groups, invite links and profile ids stay apart; wa.me links are phones', () => {
  const n = (s: string) => normalizeHandle(s).normalized;
  assert.notEqual(n('https://facebook.com/profile.php?id=5'), n('https://facebook.com/profile.php?id=6'));
  assert.notEqual(n('t.me/joinchat/AbC'), n('t.me/joinchat/XyZ'));
  assert.notEqual(n('instagram.com/p/Xy1'), n('instagram.com/p/Zz2'));
  assert.notEqual(n('https://bit.ly/AbC'), n('https://bit.ly/abc'), 'short links are case-sensitive');
  assert.equal(normalizeHandle('https://wa.me/994501234567').normalized, '+994501234567');
  assert.equal(normalizeHandle('https://wa.me/994501234567').kind, 'phone');
  assert.equal(normalizePhone('8 912 345 67 89', 'AZ').normalized, '+79123456789');
});

test('scraps are kept but not linkable', () => {
  assert.equal(normalizePhone('123', 'AZ').linkable, false);
  assert.equal(normalizePhone('12-34-567', 'AZ').linkable, true);
  assert.equal(normalizeHandle('@@').linkable, false);
  assert.equal(normalizeHandle('@@').valid, false);
});
