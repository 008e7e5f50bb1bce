import type { Request } from 'express';
import { languageOf } from '../../common/request-context.js';
import { LANGUAGE_COOKIE, readCookies } from '../../http/cookies.js';
import { Language } from '../people/person.entity.js';

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The language of a page the api renders: `?lang=`, then the portal's cookie, then the browser's. */
export function pageLanguage(req: Request): Language {
  const asked = String(req.query.lang ?? readCookies(req)[LANGUAGE_COOKIE] ?? '');
  return asked === Language.EN || asked === Language.LV ? asked : languageOf(req.headers);
}

/** A plain, accessible page in the portal's colours. `body` must already be escaped. */
export function page(lang: Language, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin"><title>${escapeHtml(title)} · MPS</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
ul.persons{list-style:none;padding:0}ul.persons li{margin:.6rem 0;padding:.6rem;border:1px solid #ccd;border-radius:6px}
button,a.button{font:inherit;padding:.4rem .8rem;margin-right:.6rem;cursor:pointer;background:#9e3039;color:#fff;border:0;border-radius:4px;text-decoration:none;display:inline-block}
small{display:block;color:#555;margin-top:.3rem}label{display:block;margin:.5rem 0}label input{display:block;font:inherit;padding:.3rem;width:100%;max-width:24rem}
.problems{color:#9e3039}ul.providers{list-style:none;padding:0}ul.providers li{margin:.8rem 0}</style></head>
<body>${body}</body></html>`;
}
