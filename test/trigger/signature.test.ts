/** The signature check on its own: Sinch's test vector, each way a callback can fail, and the nonce store. */
import { NonceStore } from '../../nodes/SinchConversationTrigger/helpers/nonces';
import {
	SIGNATURE_HEADERS,
	signCallback,
	verifyCallback,
} from '../../nodes/SinchConversationTrigger/helpers/signature';
import { unreachableReason } from '../../nodes/SinchConversationTrigger/helpers/webhookUrl';
import { VECTOR } from '../harness/signature-vector';

const vectorHeaders = () => ({
	[SIGNATURE_HEADERS.timestamp]: VECTOR.timestamp,
	[SIGNATURE_HEADERS.nonce]: VECTOR.nonce,
	[SIGNATURE_HEADERS.algorithm]: 'HmacSHA256',
	[SIGNATURE_HEADERS.signature]: VECTOR.signature,
});

const check = (overrides: Partial<Parameters<typeof verifyCallback>[0]> = {}) =>
	verifyCallback({
		headers: vectorHeaders(),
		rawBody: Buffer.from(VECTOR.body),
		secret: VECTOR.secret,
		windowSeconds: 300,
		nonces: new NonceStore(),
		scope: 'wf/node',
		now: Number(VECTOR.timestamp) * 1000 + 5_000,
		...overrides,
	});

describe('signCallback', () => {
	test("gives Sinch's test vector signature", () => {
		expect(signCallback(VECTOR.secret, VECTOR.body, VECTOR.nonce, VECTOR.timestamp)).toBe(
			VECTOR.signature,
		);
		expect(
			signCallback(VECTOR.secret, Buffer.from(VECTOR.body), VECTOR.nonce, Number(VECTOR.timestamp)),
		).toBe(VECTOR.signature);
	});

	test('signs the raw bytes: the same JSON re-serialised with other spacing gives another signature', () => {
		const reserialised = JSON.stringify(JSON.parse(VECTOR.body), null, 1);
		expect(signCallback(VECTOR.secret, reserialised, VECTOR.nonce, VECTOR.timestamp)).not.toBe(
			VECTOR.signature,
		);
	});
});

describe('verifyCallback', () => {
	test("accepts Sinch's test vector inside the window", () => {
		expect(check()).toEqual({ valid: true });
	});

	test.each(Object.values(SIGNATURE_HEADERS))('refuses a callback without %s', (name) => {
		const headers: Record<string, string> = vectorHeaders();
		delete headers[name];
		expect(check({ headers })).toEqual({ valid: false, reason: `missing header(s) ${name}` });
	});

	test('refuses an unknown algorithm', () => {
		const result = check({
			headers: { ...vectorHeaders(), [SIGNATURE_HEADERS.algorithm]: 'HmacSHA1' },
		});
		expect(result).toEqual({ valid: false, reason: 'unknown signature algorithm "HmacSHA1"' });
	});

	test('refuses a wrong secret and an altered body', () => {
		expect(check({ secret: 'another-secret' })).toMatchObject({
			valid: false,
			reason: expect.stringMatching(/^signature does not match/),
		});
		const altered = Buffer.from(VECTOR.body.replace('New Test Contact', 'New Test Contacs'));
		expect(check({ rawBody: altered })).toMatchObject({
			valid: false,
			reason: expect.stringMatching(/^signature does not match/),
		});
		// A signature of another length (truncated) is refused before the constant-time comparison.
		const truncated = {
			...vectorHeaders(),
			[SIGNATURE_HEADERS.signature]: VECTOR.signature.slice(0, -1),
		};
		expect(check({ headers: truncated })).toMatchObject({ valid: false });
	});

	test('refuses timestamps outside the window, either way, and the window is adjustable', () => {
		const at = Number(VECTOR.timestamp) * 1000;
		expect(check({ now: at + 301_000 })).toEqual({
			valid: false,
			reason: 'timestamp 1634579353 is 301 s old (window 300 s)',
		});
		expect(check({ now: at - 301_000 })).toEqual({
			valid: false,
			reason: 'timestamp 1634579353 is 301 s in the future (window 300 s)',
		});
		expect(check({ now: at + 301_000, windowSeconds: 400 })).toEqual({ valid: true });
		expect(
			check({ headers: { ...vectorHeaders(), [SIGNATURE_HEADERS.timestamp]: '2021-10-18' } }),
		).toMatchObject({ valid: false });
	});

	test('refuses a nonce seen before inside the window, per receiver; a forged callback does not use up the nonce', () => {
		const nonces = new NonceStore();
		expect(check({ nonces, secret: 'wrong' })).toMatchObject({ valid: false });
		expect(check({ nonces })).toEqual({ valid: true });
		expect(check({ nonces })).toEqual({
			valid: false,
			reason: `nonce ${VECTOR.nonce} was seen before (replayed callback)`,
		});
		expect(check({ nonces, scope: 'other-workflow/node' })).toEqual({ valid: true });
	});
});

describe('NonceStore', () => {
	test('forgets a nonce once its timestamp left the window, and stays bounded', () => {
		const store = new NonceStore(3);
		expect(store.remember('a', 1_000, 0)).toBe(true);
		expect(store.remember('a', 1_000, 500)).toBe(false);
		expect(store.remember('a', 3_000, 1_000)).toBe(true);
		for (const key of ['b', 'c', 'd', 'e']) store.remember(key, 10_000, 1_500);
		expect(store.size).toBe(3);
	});
});

describe('unreachableReason', () => {
	test.each([
		['http://localhost:5678/webhook/x', /this machine only/],
		['http://127.0.0.1:5678/webhook/x', /this machine only/],
		['https://[::1]/webhook/x', /this machine only/],
		['https://192.168.1.20/webhook/x', /private network/],
		['http://n8n.example.com/webhook/x', /plain http/],
	])('%s cannot be reached by Sinch', (url, reason) => {
		expect(unreachableReason(url)).toMatch(reason);
	});

	test('a public https URL is fine', () => {
		expect(unreachableReason('https://n8n.example.com/webhook/x')).toBeUndefined();
	});
});
