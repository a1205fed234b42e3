import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { sinchError } from './errors';
import { json, type Reply } from './http-io';

export interface AuthConfig {
	keyId: string;
	keySecret: string;
	tokenLifetimeSeconds: number;
	/** The emulator's base URL, used as the tokens' issuer. */
	issuer: string;
}

export type AuthOutcome = { ok: true; scheme: 'basic' | 'bearer' } | { ok: false; reply: Reply };

/**
 * The OAuth2 client-credentials token endpoint and the API's check of Basic or Bearer authorization. Tokens are
 * JWT-shaped with an `exp` claim because Sinch's SDKs decode it to refresh ahead of time; what counts is the
 * emulator's own record, so expire() can end them early.
 */
export class Tokens {
	private readonly expiresAt = new Map<string, number>();
	private readonly signingKey = randomBytes(32);

	constructor(private readonly config: AuthConfig) {}

	/** POST /oauth2/token. Errors use the OAuth2 shape (RFC 6749), not Sinch's API shape. */
	handleTokenRequest(headers: Record<string, string>, rawBody: string): Reply {
		if (!this.basicCredentialsMatch(headers.authorization)) {
			return json(
				401,
				{ error: 'invalid_client', error_description: 'Client authentication failed' },
				{
					'www-authenticate': 'Basic realm="oauth2"',
				},
			);
		}
		const isForm = (headers['content-type'] ?? '')
			.toLowerCase()
			.startsWith('application/x-www-form-urlencoded');
		const grantType = isForm ? new URLSearchParams(rawBody).get('grant_type') : null;
		if (grantType !== 'client_credentials') {
			return json(400, {
				error: grantType === null ? 'invalid_request' : 'unsupported_grant_type',
				error_description:
					'grant_type=client_credentials is required, as an application/x-www-form-urlencoded body',
			});
		}
		const token = this.issue();
		return json(200, {
			access_token: token,
			token_type: 'bearer',
			expires_in: this.config.tokenLifetimeSeconds,
			scope: '',
		});
	}

	/** Authorization of an API call: Basic with the key, or Bearer with a token issued here and not expired. */
	authenticate(authorization: string | undefined): AuthOutcome {
		const [scheme = '', credentials = ''] = (authorization ?? '').split(/\s+/, 2);
		if (scheme.toLowerCase() === 'basic') {
			return this.basicCredentialsMatch(authorization)
				? { ok: true, scheme: 'basic' }
				: { ok: false, reply: sinchError(401, 'Invalid key ID or key secret') };
		}
		if (scheme.toLowerCase() === 'bearer') {
			const expiresAt = this.expiresAt.get(credentials);
			if (expiresAt === undefined) {
				return {
					ok: false,
					reply: sinchError(401, 'Invalid access token', {
						'www-authenticate':
							'Bearer error="invalid_token", error_description="The access token is invalid"',
					}),
				};
			}
			if (Date.now() >= expiresAt) {
				return {
					ok: false,
					reply: sinchError(401, 'The access token expired', {
						'www-authenticate':
							'Bearer error="invalid_token", error_description="The access token expired"',
					}),
				};
			}
			return { ok: true, scheme: 'bearer' };
		}
		return {
			ok: false,
			reply: sinchError(401, 'Missing or unsupported Authorization header: use Basic or Bearer'),
		};
	}

	/** Every token issued so far is expired from now on. */
	expireAll(): void {
		const now = Date.now();
		for (const token of this.expiresAt.keys()) this.expiresAt.set(token, now);
	}

	clear(): void {
		this.expiresAt.clear();
	}

	private issue(): string {
		const issuedAt = Math.floor(Date.now() / 1000);
		const exp = issuedAt + this.config.tokenLifetimeSeconds;
		const encode = (value: object): string =>
			Buffer.from(JSON.stringify(value)).toString('base64url');
		const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({
			iss: this.config.issuer,
			sub: this.config.keyId,
			iat: issuedAt,
			exp,
			jti: randomUUID(),
		})}`;
		const token = `${unsigned}.${createHmac('sha256', this.signingKey).update(unsigned).digest('base64url')}`;
		this.expiresAt.set(token, exp * 1000);
		return token;
	}

	private basicCredentialsMatch(authorization: string | undefined): boolean {
		const match = /^basic\s+(\S+)$/i.exec(authorization?.trim() ?? '');
		if (!match) return false;
		const decoded = Buffer.from(match[1], 'base64').toString('utf8');
		return decoded === `${this.config.keyId}:${this.config.keySecret}`;
	}
}
