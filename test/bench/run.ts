/**
 * npm run bench: throughput and memory of the node through n8n-core's engine against the local emulator, and the cost
 * of validation. Targets are deliberately loose for a 2-core machine; a miss exits 1 and says which.
 */
import { checkAppBody } from '../../nodes/SinchConversation/helpers/validateApp';
import { startEmulator } from '../emulator';
import { runNode } from '../harness/engine';
import { emulatorCredentials, smsApp } from '../harness/setup';
import { DEFAULT_CONCURRENCY } from '../../nodes/SinchConversation/shared/requestOptions';
import { fetchLoop, NODES, sideBySide, type NodeFigure } from './n8nSideBySide';
import { LIMIT_PER_SECOND, messageBench, printMessageBench, VARIANTS } from './messageSends';

const TARGETS = {
	/** Our node's time over the HTTP Request node's, at 100 ms of latency (issue 10). */
	ratioToHttpAt100ms: 1.2,
	/** At 0 ms: at or below the HTTP Request node. */
	ratioToHttpAt0ms: 1.0,
	/** The concurrent node over the one-at-a-time node, at 100 ms. */
	speedUpOverSequentialAt100ms: 8,
	tokenRequestsPerRun: 1,
	createItemsPerSecond: 150,
	heapGrowthMbPer1000Items: 60,
	validationMicrosecondsPerApp: 200,
	/** Message → Send of N items to an app limited to 25/s, over the floor N / 25 s (issue 20). */
	pacedSendsOverFloor: 1.1,
	/** Messages lost or sent twice by Message → Send in that run. */
	lostOrTwiceSent: 0,
	/** Message → Send's time per item over the HTTP Request node's, no rate limit. */
	ratioToHttpSendsUnlimited: 1.1,
};

type Result = {
	name: string;
	value: number;
	unit: string;
	target: number;
	better: 'higher' | 'lower';
};

/** Bulk sends at the app's rate in real n8n (BENCH_MESSAGE_ITEMS, default 500): our node's figures become results. */
async function messageResults(results: Result[]): Promise<void> {
	const items = Number(process.env.BENCH_MESSAGE_ITEMS ?? 500);
	const emulator = await startEmulator();
	try {
		const bench = await messageBench(emulator, items);
		if (!bench) {
			console.log(
				'n8n runtime not installed (npm start installs it): real-n8n message sends skipped',
			);
			return;
		}
		printMessageBench(bench, items);
		const ours = bench.paced.find((figure) => figure.variant === VARIANTS.ours);
		if (!ours) return;
		results.push({
			name: `real n8n, ${items} sends at ${LIMIT_PER_SECOND}/s: Message → Send time over the floor`,
			value: ours.ms / ((items / LIMIT_PER_SECOND) * 1000),
			unit: 'x floor',
			target: TARGETS.pacedSendsOverFloor,
			better: 'lower',
		});
		results.push({
			name: `real n8n, ${items} sends at ${LIMIT_PER_SECOND}/s: Message → Send messages lost or sent twice`,
			value: ours.lost + ours.twice,
			unit: 'messages',
			target: TARGETS.lostOrTwiceSent,
			better: 'lower',
		});
		if (bench.unlimited)
			results.push({
				name: `real n8n, ${items} sends, no rate limit: Message → Send / HTTP Request node`,
				value: bench.unlimited.ours.ms / bench.unlimited.http.ms,
				unit: 'x time',
				target: TARGETS.ratioToHttpSendsUnlimited,
				better: 'lower',
			});
	} finally {
		await emulator.close();
	}
}

const mb = (bytes: number) => bytes / 1024 / 1024;

function everyChannelApp() {
	const token = { claimed_identity: 'id', token: 'secret-token' };
	return {
		display_name: 'bench',
		channel_credentials: [
			{ channel: 'WHATSAPP', static_bearer: token },
			{ channel: 'RCS', static_bearer: token },
			{ channel: 'SMS', static_bearer: token },
			{ channel: 'VIBERBM', static_bearer: token },
			{ channel: 'MESSENGER', static_token: { token: 't' } },
			{
				channel: 'MMS',
				mms_credentials: {
					account_id: 'a',
					api_key: 'k',
					basic_auth: { username: 'u', password: 'p' },
				},
			},
			{ channel: 'INSTAGRAM', instagram_credentials: { token: 't' } },
			{ channel: 'TELEGRAM', telegram_credentials: { token: 't' } },
			{
				channel: 'KAKAOTALK',
				kakaotalk_credentials: { kakaotalk_plus_friend_id: 'f', kakaotalk_sender_key: 'k' },
			},
			{ channel: 'KAKAOTALKCHAT', kakaotalkchat_credentials: { kakaotalk_plus_friend_id: 'f' } },
			{ channel: 'LINE', line_credentials: { token: 't', secret: 's', is_default: true } },
			{
				channel: 'LINE',
				credential_ordinal_number: 1,
				line_enterprise_credentials: { line_japan: { token: 't', secret: 's' } },
			},
			{
				channel: 'WECHAT',
				wechat_credentials: { app_id: 'a', app_secret: 's', token: 't', aes_key: 'k' },
			},
			{ channel: 'APPLEBC', applebc_credentials: { business_chat_account_id: 'b' } },
		],
		retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 30 },
		message_retry_settings: { retry_duration: 600 },
	};
}

async function main() {
	const results: Result[] = [];
	// BENCH_ONLY=messages: just the bulk sends (they take a minute or two of real time at 25 a second).
	if (process.env.BENCH_ONLY === 'messages') {
		await messageResults(results);
		report(results);
		return;
	}
	const emulator = await startEmulator();
	try {
		const credentials = emulatorCredentials(emulator);
		await runNode({ credentials, parameters: smsApp('warm-up') });
		emulator.reset();

		const items = Array.from({ length: 1000 }, (_, i) => ({ i }));
		global.gc?.();
		const heapBefore = process.memoryUsage().heapUsed;
		const started = process.hrtime.bigint();
		const { outputs, error } = await runNode({ credentials, parameters: smsApp('bench'), items });
		const seconds = Number(process.hrtime.bigint() - started) / 1e9;
		if (error || outputs[0].length !== items.length)
			throw new Error(`bench run failed: ${error?.message}`);
		global.gc?.();
		const heapAfter = process.memoryUsage().heapUsed;
		results.push({
			name: 'create through the engine',
			value: items.length / seconds,
			unit: 'items/s',
			target: TARGETS.createItemsPerSecond,
			better: 'higher',
		});
		results.push({
			name: 'heap growth per 1000 created apps (outputs held)',
			value: mb(heapAfter - heapBefore),
			unit: 'MB',
			target: TARGETS.heapGrowthMbPer1000Items,
			better: 'lower',
		});
	} finally {
		await emulator.close();
	}

	const app = everyChannelApp();
	const rounds = 20000;
	const started = process.hrtime.bigint();
	for (let i = 0; i < rounds; i++)
		if (checkAppBody(app, 'create').length) throw new Error('bench app is invalid');
	const micros = Number(process.hrtime.bigint() - started) / 1e3 / rounds;
	results.push({
		name: 'validation of a 14-entry app',
		value: micros,
		unit: 'µs/app',
		target: TARGETS.validationMicrosecondsPerApp,
		better: 'lower',
	});

	if (process.env.BENCH_N8N !== '0') {
		const n8nItems = Number(process.env.BENCH_N8N_ITEMS ?? 100);
		const side = await startEmulator();
		try {
			const floor0 = await fetchLoop(side, n8nItems, DEFAULT_CONCURRENCY);
			side.setLatency(100);
			const floor100 = await fetchLoop(side, n8nItems, DEFAULT_CONCURRENCY);
			side.setLatency(0);
			const figures = await sideBySide(side, n8nItems, [0, 100]);
			if (!figures) {
				console.log(
					'n8n runtime not installed (npm start installs it): real-n8n side-by-side skipped',
				);
			} else {
				printSideBySide(figures, n8nItems, { 0: floor0, 100: floor100 });
				const get = (node: string, latencyMs: number) =>
					figures.find((f) => f.node === node && f.latencyMs === latencyMs)!;
				for (const [auth, ours, http] of [
					['Basic', NODES.ourBasic, NODES.httpBasic],
					['OAuth2', NODES.ourOAuth2, NODES.httpOAuth2],
				]) {
					for (const latency of [0, 100]) {
						results.push({
							name: `real n8n, ${auth}, ${latency} ms latency: our node / HTTP Request node`,
							value: get(ours, latency).ms / get(http, latency).ms,
							unit: 'x time',
							target: latency === 100 ? TARGETS.ratioToHttpAt100ms : TARGETS.ratioToHttpAt0ms,
							better: 'lower',
						});
					}
				}
				results.push({
					name: 'real n8n, 100 ms latency: one-at-a-time node / our node',
					value: get(NODES.ourSequential, 100).ms / get(NODES.ourOAuth2, 100).ms,
					unit: 'x faster',
					target: TARGETS.speedUpOverSequentialAt100ms,
					better: 'higher',
				});
				for (const latency of [0, 100]) {
					results.push({
						name: `real n8n, ${latency} ms latency: token requests of our OAuth2 node`,
						value: get(NODES.ourOAuth2, latency).tokenRequests,
						unit: 'requests',
						target: TARGETS.tokenRequestsPerRun,
						better: 'lower',
					});
				}
			}
		} finally {
			await side.close();
		}
	}

	if (process.env.BENCH_N8N !== '0') await messageResults(results);
	report(results);
}

function report(results: Result[]): void {
	let missed = 0;
	for (const r of results) {
		const ok = r.better === 'higher' ? r.value >= r.target : r.value <= r.target;
		if (!ok) missed++;
		console.log(
			`${ok ? 'ok  ' : 'MISS'} ${r.name}: ${r.value.toFixed(r.unit.startsWith('x') ? 2 : 1)} ${r.unit} (target ${r.better === 'higher' ? '≥' : '≤'} ${r.target})`,
		);
	}
	process.exit(missed ? 1 : 0);
}

function printSideBySide(
	figures: NodeFigure[],
	items: number,
	floor: Record<number, number>,
): void {
	console.log(
		`\nreal n8n, one execution per latency, ${items} creates per node (node execution time):`,
	);
	for (const latency of [...new Set(figures.map((f) => f.latencyMs))]) {
		console.log(
			`  ${latency} ms latency (fetch loop floor, ${DEFAULT_CONCURRENCY} at a time: ${floor[latency]} ms)`,
		);
		for (const f of figures.filter((figure) => figure.latencyMs === latency)) {
			console.log(
				`    ${f.node.padEnd(38)} ${String(f.ms).padStart(6)} ms (emulator saw ${f.spanMs} ms)  ${f.items} items  ${f.tokenRequests} token requests`,
			);
		}
	}
	console.log('');
}

void main();
