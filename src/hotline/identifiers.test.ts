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
