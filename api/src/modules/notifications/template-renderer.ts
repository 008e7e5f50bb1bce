import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { compile as compileHtmlToText } from 'html-to-text';
import { Language } from '../people/person.entity.js';
import { SCHOOL_TIME_ZONE } from '../../time.js';
import { NOTIFICATION_KINDS, NotificationData, NotificationKind, RenderedEmail } from './notification-kinds.js';

const LOCALES: Record<Language, string> = { [Language.LV]: 'lv-LV', [Language.EN]: 'en-GB' };

/** Where the person changes the language and the address of their e-mails (the web app's route). */
const PROFILE_PATH = '/profils';

const PARTIALS_FOLDER = '_partials';
const LAYOUT_FILE = 'layout.html.hbs';

type Template = Handlebars.TemplateDelegate;

interface KindTemplates {
  subject: Record<Language, Template>;
  body: Record<Language, Template>;
  sample: unknown;
}

/**
 * Renders the e-mail of a notification kind in a language: `templates/<kind>/{subject,body}.<lang>.hbs`
 * inside `templates/_partials/layout.html.hbs`, plus a plain-text part made from the HTML.
 * All templates are read and compiled once, when the renderer is made.
 */
export class TemplateRenderer {
  private readonly handlebars = Handlebars.create();
  private readonly templates = new Map<NotificationKind, KindTemplates>();
  private readonly layout: Template;
  private readonly toText = compileHtmlToText({
    wordwrap: 78,
    selectors: [
      { selector: 'a', options: { linkBrackets: ['[', ']'], hideLinkHrefIfSameAsText: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      // A body's table holds data and keeps its columns; the layout's tables only place things, and
      // their cells become blocks of their own (the data-table format lays out its own cells).
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
      { selector: 'table[role=presentation]', format: 'block' },
      { selector: 'td', format: 'block' },
    ],
  });

  constructor(dir: string = fileURLToPath(new URL('./templates', import.meta.url))) {
    this.registerHelpers();
    this.registerPartials(join(dir, PARTIALS_FOLDER));
    this.layout = this.compile(join(dir, PARTIALS_FOLDER, LAYOUT_FILE), { strict: true });
    for (const kind of NOTIFICATION_KINDS) this.templates.set(kind, this.load(dir, kind));
  }

  kinds(): NotificationKind[] {
    return [...this.templates.keys()];
  }

  render<K extends NotificationKind>(kind: K, language: Language, data: NotificationData[K]): RenderedEmail {
    const templates = this.templatesOf(kind);
    // The helpers and the layout read the language from Handlebars' data frame (@language).
    const options = { data: { language } };
    const subject = templates.subject[language](data, options).replace(/\s+/g, ' ').trim();
    const body = templates.body[language](data, options);
    const profileUrl = new URL(PROFILE_PATH, data.portalUrl).href;
    const html = this.layout({ subject, body, profileUrl }, options);
    return { subject, html, text: this.toText(html) };
  }

  /** The kind's sample data, for previews and tests; a fresh copy on every call. */
  sample<K extends NotificationKind>(kind: K): NotificationData[K] {
    return structuredClone(this.templatesOf(kind).sample) as NotificationData[K];
  }

  private templatesOf(kind: NotificationKind): KindTemplates {
    const templates = this.templates.get(kind);
    if (!templates) throw new Error(`No e-mail templates for notification kind "${kind}"`);
    return templates;
  }

  private load(dir: string, kind: NotificationKind): KindTemplates {
    const subject = {} as Record<Language, Template>;
    const body = {} as Record<Language, Template>;
    for (const language of Object.values(Language)) {
      // Subjects are plain text (an e-mail header), so nothing in them is HTML-escaped.
      subject[language] = this.compile(this.templateFile(dir, kind, language, 'subject'), { strict: true, noEscape: true });
      body[language] = this.compile(this.templateFile(dir, kind, language, 'body'), { strict: true });
    }
    const samplePath = join(dir, kind, 'sample.json');
    if (!existsSync(samplePath)) throw new Error(`E-mail sample for notification kind "${kind}" is missing: ${samplePath}`);
    return { subject, body, sample: JSON.parse(readFileSync(samplePath, 'utf8')) };
  }

  private templateFile(dir: string, kind: NotificationKind, language: Language, part: 'subject' | 'body'): string {
    const path = join(dir, kind, `${part}.${language}.hbs`);
    if (!existsSync(path)) {
      throw new Error(`E-mail template missing for notification kind "${kind}", language "${language}": ${path}`);
    }
    return path;
  }

  private compile(path: string, options: CompileOptions): Template {
    const source = readFileSync(path, 'utf8');
    // Handlebars compiles lazily, on the first render; parsing now reports a syntax error at start-up.
    try {
      this.handlebars.parse(source);
    } catch (error) {
      throw new Error(`E-mail template ${path} does not parse: ${(error as Error).message}`);
    }
    return this.handlebars.compile(source, options);
  }

  /** Every `_partials/<name>.hbs` but the layout becomes the partial `<name>`. */
  private registerPartials(dir: string): void {
    for (const file of readdirSync(dir)) {
      if (!file.endsWith('.hbs') || file === LAYOUT_FILE) continue;
      this.handlebars.registerPartial(file.slice(0, -'.hbs'.length), this.compile(join(dir, file), { strict: true }));
    }
  }

  private registerHelpers(): void {
    const hbs = this.handlebars;
    hbs.registerHelper('date', (iso: unknown, options: Handlebars.HelperOptions) => format('date', iso, options, DATE));
    hbs.registerHelper('time', (iso: unknown, options: Handlebars.HelperOptions) => format('time', iso, options, TIME));
    hbs.registerHelper(
      'timeRange',
      (from: unknown, to: unknown, options: Handlebars.HelperOptions) =>
        `${format('timeRange', from, options, TIME)}–${format('timeRange', to, options, TIME)}`,
    );
    /** `{{euro priceCents}}`: an amount in euro cents, as money in the e-mail's language. */
    hbs.registerHelper('euro', (cents: unknown, options: Handlebars.HelperOptions) => {
      if (typeof cents !== 'number' || !Number.isInteger(cents)) throw new Error(`{{euro}} expects whole cents, got ${String(cents)}`);
      return new Intl.NumberFormat(LOCALES[languageOf(options)], { style: 'currency', currency: 'EUR' }).format(cents / 100);
    });
    /** `{{t lv="Vieta" en="Place"}}`: a short phrase in the language of the e-mail. */
    hbs.registerHelper('t', (options: Handlebars.HelperOptions) => {
      const language = languageOf(options);
      const text: unknown = options.hash[language];
      if (typeof text !== 'string') throw new Error(`{{t}} has no text for language "${language}"`);
      return text;
    });
    hbs.registerHelper('eq', (a: unknown, b: unknown) => defined(a, 'eq') === defined(b, 'eq'));
    /** `(includes list "a" "b")`: whether the list holds any of the values. */
    hbs.registerHelper('includes', (list: unknown, ...rest: unknown[]) => {
      if (!Array.isArray(list)) throw new Error(`{{includes}} expects a list, got ${String(list)}`);
      return rest.slice(0, -1).some((value) => list.includes(value));
    });
    // Strict mode checks only plain {{field}} lookups; a helper's argument that names a missing field
    // arrives as undefined. Data is JSON, where nothing is undefined, so the block helpers refuse it.
    for (const name of ['if', 'unless', 'each', 'with']) {
      const builtIn = hbs.helpers[name] as (...args: unknown[]) => unknown;
      hbs.registerHelper(name, function (this: unknown, ...args: unknown[]) {
        args.slice(0, -1).forEach((arg) => defined(arg, name));
        return builtIn.apply(this, args);
      });
    }
  }
}

type CompileOptions = Parameters<typeof Handlebars.compile>[1];

/** lv "pirmdiena, 2027. gada 15. marts", en "Monday, 15 March 2027". */
const DATE: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
/** "09:30" in both languages. */
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** An ISO instant as the school's clock shows it, in the e-mail's language. */
function format(helper: string, iso: unknown, options: Handlebars.HelperOptions, parts: Intl.DateTimeFormatOptions): string {
  const instant = typeof iso === 'string' ? new Date(iso) : new Date(NaN);
  if (Number.isNaN(instant.getTime())) throw new Error(`{{${helper}}} expects an ISO date-time, got ${String(iso)}`);
  return new Intl.DateTimeFormat(LOCALES[languageOf(options)], { ...parts, timeZone: SCHOOL_TIME_ZONE }).format(instant);
}

function languageOf(options: Handlebars.HelperOptions): Language {
  const language = (options.data as { language?: Language } | undefined)?.language;
  if (!language || !(language in LOCALES)) throw new Error(`E-mail rendered without a known @language: ${String(language)}`);
  return language;
}

function defined(value: unknown, helper: string): unknown {
  if (value === undefined) throw new Error(`{{${helper}}} got a missing value: a field is absent from the data or misspelt`);
  return value;
}
