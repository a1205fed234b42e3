import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_CHARS = 16; // 80 bits

let lastTime = -1;
let lastRandom: number[] = [];

/**
 * A ULID (26 characters: 10 of millisecond time, 16 random), monotonic within one process: inside one
 * millisecond the random part is incremented, so IDs created in a row always sort in creation order,
 * as Sinch's app IDs do.
 */
export function ulid(now: number = Date.now()): string {
	if (now <= lastTime) {
		incrementRandom();
	} else {
		lastTime = now;
		lastRandom = Array.from(randomBytes(RANDOM_CHARS), (byte) => byte % 32);
	}
	return encodeTime(lastTime) + lastRandom.map((digit) => CROCKFORD[digit]).join('');
}

function encodeTime(time: number): string {
	let rest = time;
	let out = '';
	for (let i = 0; i < 10; i++) {
		out = CROCKFORD[rest % 32] + out;
		rest = Math.floor(rest / 32);
	}
	return out;
}

function incrementRandom(): void {
	for (let i = lastRandom.length - 1; i >= 0; i--) {
		if (lastRandom[i] < 31) {
			lastRandom[i]++;
			return;
		}
		lastRandom[i] = 0;
	}
	// 2^80 IDs in one millisecond cannot happen; wrapping would only break ordering, so borrow the next millisecond.
	lastTime++;
}

export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
