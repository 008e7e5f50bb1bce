import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import express, { type Request, type Router } from 'express';
import type { Config } from '../../config.js';
import { originAllowed } from '../../http/origin.js';
import type { PeopleService } from '../people/people.service.js';
import { Language } from '../people/person.entity.js';
import { formatPersonalCode, normalizePersonalCode, personalCodeProblem, randomNewFormatPersonalCode } from '../people/personal-code.js';
import type { AuthService } from './auth.service.js';
import { escapeHtml, page, pageLanguage } from './pages.js';
import { signInTexts } from './sign-in.texts.js';
import { autoPostForm, issueWsFedResponse, type WsFedIdentity } from './wsfed/wsfed-token.js';

export const DEV_IDP_ISSUER = 'urn:mps:development-identity-provider';
const DEV_AUTHENTICATION_METHOD = 'urn:mps:authn:development';

/** The provider's private key in the data folder, readable by its owner only. */
export const DEV_IDP_KEY_FILE = 'dev-identity-provider.key.pem';

interface KeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

function keyPairOf(privateKeyPem: string): KeyPair {
  const publicKeyPem = createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
  return { publicKeyPem, privateKeyPem };
}

/**
 * The key pair kept in `keyDir`, made there on the first start: generating a 2048-bit RSA key
 * took a part of every start (issue 16). A file that cannot be read as a key is replaced. Written
 * beside and renamed into place, so two processes starting together never see half a file. A
 * folder that takes no file (full, read-only) costs only the saving: this process keeps its key.
 */
export function storedKeyPair(keyDir: string): KeyPair {
  const file = path.join(keyDir, DEV_IDP_KEY_FILE);
  try {
    const pair = keyPairOf(fs.readFileSync(file, 'utf8'));
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    return pair;
  } catch {
    // Missing or damaged: a new one below.
  }
  const pair = generatedKeyPair();
  const partial = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(keyDir, { recursive: true });
    fs.writeFileSync(partial, pair.privateKeyPem, { mode: 0o600 });
    fs.renameSync(partial, file);
  } catch {
    // Whatever is left of the attempt goes; where nothing can be made, there is nothing to remove.
    fs.rm(partial, { force: true }, () => {});
  }
  return pair;
}

function generatedKeyPair(): KeyPair {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return keyPairOf(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
}

/**
 * The built-in identity provider for development and tests. It speaks Latvija.lv's protocol
 * (WS-Federation with a signed SAML 1.1 assertion) with its own key pair, so that signing in here
 * runs exactly the service-provider code that production runs against the real gateway. The
 * provider and the service it signs for are the same process; the key is kept in the data folder
 * of the embedded shape (`keyDir`), otherwise made for this process only.
 * Never mounted in production (the configuration refuses it).
 */
export class DevelopmentIdentityProvider {
  readonly publicKeyPem: string;
  private readonly privateKeyPem: string;

  constructor(keyDir: string | null = null) {
    const { publicKeyPem, privateKeyPem } = keyDir ? storedKeyPair(keyDir) : generatedKeyPair();
    this.publicKeyPem = publicKeyPem;
    this.privateKeyPem = privateKeyPem;
  }

  /** The gateway address the service provider sends people to. */
  static path = '/auth/dev-idp';

  router(config: Config, auth: AuthService, people: PeopleService, siteOf: (req: Request) => string): Router {
    const router = express.Router();

    /** Signs only for this system: the reply must be our own WS-Federation endpoint and realm. */
    const checkRequest = (req: Request, fields: Record<string, unknown>) => {
      const site = siteOf(req);
      return fields.wreply === `${site}/auth/wsfed` && fields.wtrealm === `${site}/` && typeof fields.wctx === 'string' && fields.wctx.length <= 200;
    };

    router.get('/', async (req, res) => {
      const lang = pageLanguage(req);
      const t = signInTexts[lang].dev;
      if (req.query.wa !== 'wsignin1.0' || !checkRequest(req, req.query)) {
        return res
          .status(400)
          .type('html')
          .send(page(lang, t.title, `<h1>${t.title}</h1><p>${t.badRequest}</p>`));
      }
      res.type('html').send(await this.renderChoice(req, lang, auth, people));
    });

    router.post('/', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
      if (!originAllowed(config, req.headers.origin)) return res.status(403).type('text/plain').send('Forbidden origin');
      const lang = pageLanguage(req);
      const t = signInTexts[lang];
      const body = (req.body ?? {}) as Record<string, string>;
      if (!checkRequest(req, body))
        return res
          .status(400)
          .type('html')
          .send(page(lang, t.dev.title, `<h1>${t.dev.title}</h1><p>${t.dev.badRequest}</p>`));

      const identity = body.personId ? await this.demoIdentity(people, body.personId) : this.inventedIdentity(body);
      if (typeof identity === 'string') {
        return res
          .status(400)
          .type('html')
          .send(await this.renderChoice(req, lang, auth, people, identity));
      }
      const wresult = issueWsFedResponse({ identity, realm: body.wtrealm, issuer: DEV_IDP_ISSUER, privateKeyPem: this.privateKeyPem });
      res.type('html').send(
        autoPostForm({
          action: body.wreply,
          fields: { wa: 'wsignin1.0', wresult, wctx: body.wctx },
          lang,
          title: t.redirecting,
          continueLabel: t.continue,
          nonce: res.locals.cspNonce as string | undefined,
        }),
      );
    });
    return router;
  }

  private async demoIdentity(people: PeopleService, personId: string): Promise<WsFedIdentity | 'unknown'> {
    const person = (await people.demoPersons()).find((p) => p.id === personId);
    if (!person?.personalCode) return 'unknown';
    return {
      givenName: person.givenName,
      familyName: person.familyName,
      personalCode: formatPersonalCode(person.personalCode),
      historicalPersonalCodes: [],
      authenticationMethod: DEV_AUTHENTICATION_METHOD,
    };
  }

  /** A made-up person; the problems name the fields to correct. */
  private inventedIdentity(body: Record<string, string>): WsFedIdentity | string {
    const givenName = (body.givenName ?? '').trim().slice(0, 100);
    const familyName = (body.familyName ?? '').trim().slice(0, 100);
    const code = (body.personalCode ?? '').trim() || randomNewFormatPersonalCode();
    const previous = (body.previousCode ?? '').trim();
    const problems = [
      !givenName && 'givenName',
      !familyName && 'familyName',
      personalCodeProblem(code) && 'personalCode',
      previous && personalCodeProblem(previous) && 'previousCode',
    ].filter(Boolean);
    if (problems.length > 0) return problems.join(',');
    return {
      givenName,
      familyName,
      personalCode: formatPersonalCode(normalizePersonalCode(code)!),
      historicalPersonalCodes: previous ? [formatPersonalCode(normalizePersonalCode(previous)!)] : [],
      authenticationMethod: DEV_AUTHENTICATION_METHOD,
    };
  }

  private async renderChoice(req: Request, lang: Language, auth: AuthService, people: PeopleService, problems = ''): Promise<string> {
    const t = signInTexts[lang];
    const source = { ...req.query, ...(req.body ?? {}) } as Record<string, string>;
    const carried = ['wtrealm', 'wreply', 'wctx']
      .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(String(source[name] ?? ''))}">`)
      .join('');
    const persons = await people.demoPersons();
    const rows = await Promise.all(
      persons.map(async (person) => {
        const viewer = await auth.viewerFor(person.id, 'preview');
        const roles = viewer.roles.map((role) => t.role[role]).join(', ');
        const name = `${person.givenName} ${person.familyName}`;
        return `<li><form method="post" action="${DevelopmentIdentityProvider.path}">${carried}
          <input type="hidden" name="personId" value="${person.id}">
          <button type="submit" data-person="${escapeHtml(name)}">${t.dev.signInAs}: <strong>${escapeHtml(name)}</strong></button>
          <span>${escapeHtml(person.demoNote ?? '')}</span>
          <small>${t.dev.roles}: ${escapeHtml(roles)} · ${t.dev.personalCode}: ${person.personalCode ? formatPersonalCode(person.personalCode) : '—'}</small>
        </form></li>`;
      }),
    );
    const wrong = new Set(problems.split(',').filter(Boolean));
    const problemList = [...wrong].map((field) => `<li>${t.dev.problems[field as keyof typeof t.dev.problems] ?? escapeHtml(field)}</li>`).join('');
    const field = (name: string, label: string, autocomplete: string) =>
      `<label>${label}<input name="${name}" value="${escapeHtml(String(source[name] ?? ''))}" autocomplete="${autocomplete}"${wrong.has(name) ? ' aria-invalid="true"' : ''}></label>`;
    const query = new URLSearchParams({ wa: 'wsignin1.0', wtrealm: source.wtrealm ?? '', wreply: source.wreply ?? '', wctx: source.wctx ?? '' });
    query.set('lang', lang === Language.LV ? Language.EN : Language.LV);
    return page(
      lang,
      t.dev.title,
      `<p><a href="${DevelopmentIdentityProvider.path}?${escapeHtml(query.toString())}">${t.other}</a></p>
<h1>${t.dev.title}</h1><p>${t.dev.intro}</p>
${rows.length ? `<ul class="persons">${rows.join('')}</ul>` : `<p>${t.dev.noPersons}</p>`}
<h2>${t.dev.inventTitle}</h2><p>${t.dev.inventIntro}</p>
${problemList ? `<ul role="alert" class="problems">${problemList}</ul>` : ''}
<form method="post" action="${DevelopmentIdentityProvider.path}" class="invent">${carried}
${field('givenName', t.dev.givenName, 'off')}${field('familyName', t.dev.familyName, 'off')}
${field('personalCode', t.dev.code, 'off')}${field('previousCode', t.dev.previousCode, 'off')}
<button type="submit">${t.dev.invent}</button></form>`,
    );
  }
}
