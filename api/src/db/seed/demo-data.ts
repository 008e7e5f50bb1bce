export type Role = 'STAFF' | 'ADMIN';
export type InstructionLanguage = 'LV' | 'EN' | 'RU';
export type CourseFormat = 'IN_PERSON' | 'ONLINE' | 'HYBRID';
export type CourseVisibility = 'PUBLIC' | 'RESTRICTED';
export type GroupStatus = 'PLANNED' | 'OPEN' | 'CONFIRMED' | 'CANCELLED' | 'COMPLETED';

export interface DemoTopic {
  code: string;
  nameLv: string;
  nameEn: string;
}
export interface DemoInstitution {
  code: string;
  name: string;
  registrationNumber: string;
  legalAddress: string;
  invoiceEmail: string;
  billingAccounts: { name: string; number: string }[];
}
export interface DemoPerson {
  key: string;
  /** A valid personal code: the old format made from a birth date, or a new-format code as is. */
  identity: { born: string } | { code: string };
  givenName: string;
  familyName: string;
  email: string;
  language: 'lv' | 'en';
  roles: Role[]; // extra roles; every signed-in person is a participant
  coordinatorOf?: string[]; // institution codes
  employeeOf?: string; // institution code
  registrations?: { group: string; status: 'CONFIRMED' | 'WAITING' }[]; // DemoGroup codes: what "Manas mācības" shows
  declaredAddress?: string; // lets the person register as a private payer (R-ID-3)
  description: string; // one line shown on the development sign-in page, in Latvian, e.g. "Koordinatore, Valsts ieņēmumu dienests"
}
export interface DemoPlace {
  code: string;
  name: string;
  nameEn?: string;
  address: string;
  room?: string;
  roomEn?: string;
  capacity: number;
}
export interface DemoLecturer {
  code: string;
  name: string;
  email: string;
  personKey?: string;
}
export interface DemoSession {
  dayOffset: number; // days from the day the seed runs (negative = past)
  start: string;
  end: string; // 'HH:MM' local time in Europe/Riga
  place?: string; // DemoPlace code; omit for online sessions
  onlineUrl?: string; // for online sessions, e.g. https://vas.zoom.us/j/...
  lecturer: string; // DemoLecturer code
}
export interface DemoGroup {
  code: string;
  status: GroupStatus;
  minSize: number;
  maxSize: number;
  registrationDeadlineDayOffset?: number;
  priceOverrideCents?: number;
  cancellationReason?: string; // for CANCELLED groups, as told to their participants
  filled: number; // how many demo participants the seed registers (<= maxSize; == maxSize means full)
  sessions: DemoSession[];
  /**
   * Past sessions marked (R-AFT-5) by their lecturer's person, or else by the first staff member:
   * every confirmed participant PRESENT but these, by their place in the list sorted by family name,
   * on the group's last past session.
   */
  attendance?: { absent: number[]; excused: number[] };
}
export interface DemoCourse {
  code: string;
  topic: string;
  titleLv: string;
  titleEn: string;
  summaryLv: string;
  summaryEn: string;
  descriptionLv: string;
  descriptionEn: string;
  targetAudienceLv: string;
  targetAudienceEn: string;
  language: InstructionLanguage;
  format: CourseFormat;
  hours: number;
  priceCents: number;
  visibility: CourseVisibility;
  allowedInstitutions?: string[];
  groups: DemoGroup[];
}

export const topics: DemoTopic[] = [
  { code: 'LAW', nameLv: 'Valsts pārvalde un tiesības', nameEn: 'Public administration and law' },
  { code: 'LEAD', nameLv: 'Vadība un līderība', nameEn: 'Leadership and management' },
  { code: 'FIN', nameLv: 'Publiskās finanses un iepirkumi', nameEn: 'Public finance and procurement' },
  { code: 'DIG', nameLv: 'Digitālās prasmes un e-pārvalde', nameEn: 'Digital skills and e-government' },
  { code: 'COM', nameLv: 'Komunikācija un valodas', nameEn: 'Communication and languages' },
  { code: 'HR', nameLv: 'Personāla vadība un personīgā efektivitāte', nameEn: 'HR and personal effectiveness' },
  { code: 'EU', nameLv: 'ES fondi un projektu vadība', nameEn: 'EU funds and project management' },
  { code: 'ETH', nameLv: 'Ētika, korupcijas novēršana un drošība', nameEn: 'Ethics, anti-corruption and security' },
];

export const institutions: DemoInstitution[] = [
  {
    code: 'VID',
    name: 'Valsts ieņēmumu dienests',
    registrationNumber: '90000069281',
    legalAddress: 'Talejas iela 1, Rīga, LV-1978',
    invoiceEmail: 'rekini@vid.gov.lv',
    billingAccounts: [
      { name: 'Personāla attīstības daļa', number: 'LV34TREL2200000000001' },
      { name: 'ES projekts “Kompetenču attīstība”', number: 'LV07TREL2200000000002' },
    ],
  },
  {
    code: 'RIGA',
    name: 'Rīgas valstspilsētas pašvaldība',
    registrationNumber: '90000024205',
    legalAddress: 'Rātslaukums 1, Rīga, LV-1050',
    invoiceEmail: 'rekini@riga.lv',
    billingAccounts: [{ name: 'Centrālā administrācija', number: 'LV02TREL9800000000003' }],
  },
  {
    code: 'VM',
    name: 'Veselības ministrija',
    registrationNumber: '90001596596',
    legalAddress: 'Brīvības iela 72, Rīga, LV-1011',
    invoiceEmail: 'rekini@vm.gov.lv',
    billingAccounts: [{ name: 'Administratīvais departaments', number: 'LV31TREL2250000000004' }],
  },
  {
    code: 'CSP',
    name: 'Centrālā statistikas pārvalde',
    registrationNumber: '90000052383',
    legalAddress: 'Lāčplēša iela 1, Rīga, LV-1010',
    invoiceEmail: 'rekini@csp.gov.lv',
    billingAccounts: [{ name: 'Personāla daļa', number: 'LV39TREL2260000000005' }],
  },
  {
    code: 'LB',
    name: 'Latvijas Banka',
    registrationNumber: '90000158236',
    legalAddress: 'Krišjāņa Valdemāra iela 2A, Rīga, LV-1050',
    invoiceEmail: 'rekini@bank.lv',
    billingAccounts: [],
  },
  {
    code: 'VK',
    name: 'Valsts kanceleja',
    registrationNumber: '90000036548',
    legalAddress: 'Brīvības bulvāris 36, Rīga, LV-1520',
    invoiceEmail: 'rekini@mk.gov.lv',
    billingAccounts: [{ name: 'Valsts kanceleja', number: 'LV34TREL2100000000006' }],
  },
];

export const persons: DemoPerson[] = [
  {
    key: 'staff-ilze',
    identity: { born: '1979-04-12' },
    givenName: 'Ilze',
    familyName: 'Ozoliņa',
    email: 'ilze.ozolina@example.lv',
    language: 'lv',
    roles: ['STAFF', 'ADMIN'],
    description: 'Sistēmas administratore, Valsts administrācijas skola',
  },
  {
    key: 'staff-janis',
    identity: { born: '1985-11-03' },
    givenName: 'Jānis',
    familyName: 'Kalniņš',
    email: 'janis.kalnins@example.lv',
    language: 'lv',
    roles: ['STAFF'],
    description: 'Mācību pasākumu vadītājs, Valsts administrācijas skola',
  },
  {
    key: 'coord-anna',
    identity: { born: '1982-02-27' },
    givenName: 'Anna',
    familyName: 'Bērziņa',
    email: 'anna.berzina@example.lv',
    language: 'lv',
    roles: [],
    coordinatorOf: ['VID'],
    employeeOf: 'VID',
    description: 'Koordinatore, Valsts ieņēmumu dienests',
  },
  {
    key: 'coord-edgars',
    identity: { code: '32579104381' },
    givenName: 'Edgars',
    familyName: 'Liepiņš',
    email: 'edgars.liepins@example.lv',
    language: 'lv',
    roles: [],
    coordinatorOf: ['VM', 'CSP'],
    employeeOf: 'VM',
    description: 'Koordinators, Veselības ministrija un Centrālā statistikas pārvalde',
  },
  {
    key: 'coord-laura',
    identity: { born: '1990-07-19' },
    givenName: 'Laura',
    familyName: 'Krūmiņa',
    email: 'laura.krumina@example.lv',
    language: 'lv',
    roles: [],
    coordinatorOf: ['RIGA'],
    employeeOf: 'RIGA',
    description: 'Koordinatore, Rīgas valstspilsētas pašvaldība',
  },
  {
    key: 'lect-inese',
    identity: { born: '1971-09-30' },
    givenName: 'Inese',
    familyName: 'Vītola',
    email: 'inese.vitola@example.lv',
    language: 'lv',
    roles: [],
    description: 'Pasniedzēja, administratīvās tiesības un valsts pārvaldes iekārta',
  },
  {
    key: 'lect-martins',
    identity: { code: '32814620577' },
    givenName: 'Mārtiņš',
    familyName: 'Zariņš',
    email: 'martins.zarins@example.lv',
    language: 'lv',
    roles: [],
    description: 'Pasniedzējs, digitālās prasmes un datu analīze',
  },
  {
    key: 'part-liga',
    identity: { born: '1994-05-08' },
    givenName: 'Līga',
    familyName: 'Kalniņa',
    email: 'liga.kalnina@example.lv',
    language: 'lv',
    roles: [],
    employeeOf: 'VK',
    // A past course, a confirmed group, a waiting list and a cancelled group.
    registrations: [
      { group: 'VAS-LAW-101-G1', status: 'CONFIRMED' },
      { group: 'VAS-LEAD-101-G2', status: 'CONFIRMED' },
      { group: 'VAS-DIG-101-G1', status: 'WAITING' },
      { group: 'VAS-EU-203-G1', status: 'CONFIRMED' },
    ],
    description: 'Mācību dalībniece, Valsts kanceleja',
  },
  {
    key: 'part-andris',
    identity: { born: '1988-12-01' },
    givenName: 'Andris',
    familyName: 'Ozols',
    email: 'andris.ozols@example.lv',
    language: 'lv',
    roles: [],
    employeeOf: 'VID',
    description: 'Mācību dalībnieks, Valsts ieņēmumu dienests',
  },
  {
    key: 'part-zane',
    identity: { code: '32065218840' },
    givenName: 'Zane',
    familyName: 'Eglīte',
    email: 'zane.eglite@example.lv',
    language: 'lv',
    roles: [],
    employeeOf: 'LB',
    description: 'Mācību dalībniece, Latvijas Banka',
  },
  {
    key: 'part-roberts',
    identity: { born: '2001-03-15' },
    givenName: 'Roberts',
    familyName: 'Siliņš',
    email: 'roberts.silins@example.lv',
    language: 'lv',
    roles: [],
    declaredAddress: 'Avotu iela 12-5, Rīga, LV-1011',
    description: 'Mācību dalībnieks, privātpersona (maksā pats)',
  },
  {
    key: 'part-emily',
    identity: { code: '32990417325' },
    givenName: 'Emily',
    familyName: 'Clarke',
    email: 'emily.clarke@example.com',
    language: 'en',
    roles: [],
    employeeOf: 'CSP',
    description: 'Mācību dalībniece (saskarne angļu valodā), Centrālā statistikas pārvalde',
  },
];

export const places: DemoPlace[] = [
  {
    code: 'RB4-201',
    name: 'Valsts administrācijas skola',
    nameEn: 'Latvian School of Public Administration',
    address: 'Raiņa bulvāris 4, Rīga, LV-1050',
    room: '201. telpa',
    roomEn: 'Room 201',
    capacity: 24,
  },
  {
    code: 'RB4-305',
    name: 'Valsts administrācijas skola',
    nameEn: 'Latvian School of Public Administration',
    address: 'Raiņa bulvāris 4, Rīga, LV-1050',
    room: '305. telpa',
    roomEn: 'Room 305',
    capacity: 30,
  },
  {
    code: 'RB4-ZALE',
    name: 'Valsts administrācijas skola',
    nameEn: 'Latvian School of Public Administration',
    address: 'Raiņa bulvāris 4, Rīga, LV-1050',
    room: 'Lielā zāle (1. stāvs)',
    roomEn: 'Main hall (ground floor)',
    capacity: 60,
  },
  {
    code: 'RB4-108',
    name: 'Valsts administrācijas skola',
    nameEn: 'Latvian School of Public Administration',
    address: 'Raiņa bulvāris 4, Rīga, LV-1050',
    room: '108. telpa (datorklase)',
    roomEn: 'Room 108 (computer lab)',
    capacity: 16,
  },
  {
    code: 'DAU-312',
    name: 'Daugavpils Universitāte',
    nameEn: 'Daugavpils University',
    address: 'Vienības iela 13, Daugavpils, LV-5401',
    room: '312. auditorija',
    roomEn: 'Lecture room 312',
    capacity: 24,
  },
];

export const lecturers: DemoLecturer[] = [
  { code: 'L-VITOLA', name: 'Inese Vītola', email: 'inese.vitola@example.lv', personKey: 'lect-inese' },
  { code: 'L-ZARINS', name: 'Mārtiņš Zariņš', email: 'martins.zarins@example.lv', personKey: 'lect-martins' },
  { code: 'L-JANSONE', name: 'Dace Jansone', email: 'dace.jansone@example.lv' },
  { code: 'L-BERZINS', name: 'Kārlis Bērziņš', email: 'karlis.berzins@example.lv' },
  { code: 'L-KLAVINA', name: 'Sandra Kļaviņa', email: 'sandra.klavina@example.lv' },
  { code: 'L-OZOLS', name: 'Gatis Ozols', email: 'gatis.ozols@example.lv' },
  { code: 'L-LIEPA', name: 'Ieva Liepa', email: 'ieva.liepa@example.lv' },
  { code: 'L-KRUMINS', name: 'Raimonds Krūmiņš', email: 'raimonds.krumins@example.lv' },
  { code: 'L-PETERSONE', name: 'Agnese Pētersone', email: 'agnese.petersone@example.lv' },
  { code: 'L-SMITS', name: 'Viktors Šmits', email: 'viktors.smits@example.lv' },
];

export const courses: DemoCourse[] = [
  // Valsts pārvalde un tiesības
  {
    code: 'VAS-LAW-101',
    topic: 'LAW',
    titleLv: 'Valsts pārvaldes iekārtas pamati',
    titleEn: 'Fundamentals of the Public Administration System',
    summaryLv:
      'Ievads valsts pārvaldes uzbūvē, iestāžu padotības formās un lēmumu pieņemšanas kārtībā. Īpaši noderīgas apmācības jaunajiem valsts pārvaldes darbiniekiem.',
    summaryEn:
      'An introduction to the structure of public administration, forms of subordination and the decision-making process. Particularly useful for new civil servants.',
    descriptionLv:
      'Mācību pasākumā dalībnieki iepazīsies ar Valsts pārvaldes iekārtas likumā noteiktajiem principiem un valsts pārvaldes institucionālo sistēmu. Tiks skaidrota pārraudzības un padotības atšķirība, tiešās un pastarpinātās pārvaldes iestāžu statuss, kā arī Ministru kabineta un ministriju loma.\n\nPraktiskajā daļā dalībnieki analizēs savas iestādes vietu valsts pārvaldes sistēmā un risinās situāciju uzdevumus par kompetences sadalījumu. Noslēgumā dalībnieki aizpilda zināšanu testu un saņem sertifikātu.',
    descriptionEn:
      'Participants will learn the principles laid down in the State Administration Structure Law and the institutional system of public administration. The course explains the difference between supervision and subordination, the status of direct and indirect administration institutions, and the role of the Cabinet of Ministers and the ministries.\n\nIn the practical part participants analyse the place of their own institution in the system and solve case exercises on the division of competence. At the end participants complete a knowledge test and receive a certificate.',
    targetAudienceLv: 'Valsts pārvaldes iestāžu darbinieki, kuri valsts dienestā strādā mazāk nekā divus gadus.',
    targetAudienceEn: 'Employees of public administration institutions with less than two years in the civil service.',
    language: 'LV',
    format: 'IN_PERSON',
    hours: 8,
    priceCents: 0,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-LAW-101-G1',
        status: 'COMPLETED',
        minSize: 8,
        maxSize: 24,
        registrationDeadlineDayOffset: -52,
        filled: 21,
        sessions: [
          { dayOffset: -45, start: '09:00', end: '12:15', place: 'RB4-201', lecturer: 'L-VITOLA' },
          { dayOffset: -44, start: '09:00', end: '12:15', place: 'RB4-201', lecturer: 'L-VITOLA' },
        ],
        attendance: { absent: [3, 14], excused: [8] },
      },
      {
        code: 'VAS-LAW-101-G2',
        status: 'OPEN',
        minSize: 8,
        maxSize: 24,
        registrationDeadlineDayOffset: 12,
        filled: 9,
        sessions: [
          { dayOffset: 16, start: '09:00', end: '12:15', place: 'RB4-201', lecturer: 'L-VITOLA' },
          { dayOffset: 17, start: '09:00', end: '12:15', place: 'RB4-201', lecturer: 'L-VITOLA' },
        ],
      },
    ],
  },
  {
    code: 'VAS-LAW-102',
    topic: 'LAW',
    titleLv: 'Administratīvais process iestādē',
    titleEn: 'Administrative Procedure in an Institution',
    summaryLv: 'Kā pieņemt tiesisku un pamatotu administratīvo aktu un izvairīties no biežākajām procesuālajām kļūdām.',
    summaryEn: 'How to issue a lawful and well-reasoned administrative act and avoid the most common procedural errors.',
    descriptionLv:
      'Mācībās tiek aplūkoti Administratīvā procesa likuma pamatprincipi, administratīvā akta izdošanas stadijas un lietderības apsvērumi. Dalībnieki apgūs, kā noskaidrot lietas faktiskos apstākļus, uzklausīt adresātu un sagatavot skaidru un pārbaudāmu pamatojumu.\n\nĪpaša uzmanība pievērsta administratīvā akta apstrīdēšanai, termiņu aprēķināšanai un tiesu prakses atziņām. Nodarbības notiek klātienē un tiešsaistē, starp tām dalībnieki izpilda praktisku mājas darbu.',
    descriptionEn:
      'The course covers the basic principles of the Administrative Procedure Law, the stages of issuing an administrative act and considerations of expediency. Participants learn how to establish the facts of a case, hear the addressee and write a clear and verifiable statement of reasons.\n\nSpecial attention is paid to contesting administrative acts, calculating time limits and lessons from case law. Sessions alternate between the classroom and online, with a practical assignment in between.',
    targetAudienceLv: 'Iestāžu juristi un speciālisti, kuri sagatavo administratīvos aktus vai izskata apstrīdēšanas iesniegumus.',
    targetAudienceEn: 'Lawyers and specialists who draft administrative acts or review challenges against them.',
    language: 'LV',
    format: 'HYBRID',
    hours: 16,
    priceCents: 12000,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-LAW-102-G1',
        status: 'CONFIRMED',
        minSize: 10,
        maxSize: 20,
        registrationDeadlineDayOffset: 5,
        filled: 20,
        sessions: [
          { dayOffset: 8, start: '09:00', end: '12:15', place: 'RB4-305', lecturer: 'L-VITOLA' },
          { dayOffset: 10, start: '09:00', end: '12:15', onlineUrl: 'https://vas.zoom.us/j/84120553017', lecturer: 'L-VITOLA' },
          { dayOffset: 22, start: '09:00', end: '12:15', place: 'RB4-305', lecturer: 'L-VITOLA' },
          { dayOffset: 24, start: '09:00', end: '12:15', onlineUrl: 'https://vas.zoom.us/j/84120553017', lecturer: 'L-VITOLA' },
        ],
      },
    ],
  },
  {
    code: 'VAS-LAW-201',
    topic: 'LAW',
    titleLv: 'Normatīvo aktu izstrāde un juridiskā tehnika',
    titleEn: 'Drafting Legislation and Legal Technique',
    summaryLv: 'Padziļinātas mācības par normatīvo aktu projektu sagatavošanu, anotāciju un saskaņošanu TAP portālā.',
    summaryEn: 'An in-depth course on preparing draft legislation, explanatory memoranda and coordination in the TAP portal.',
    descriptionLv:
      'Kursā dalībnieki apgūst juridiskās tehnikas prasības, kas noteiktas Ministru kabineta noteikumos par normatīvo aktu projektu sagatavošanu. Tiek analizēta tiesību normas struktūra, pārejas noteikumu veidošana un grozījumu noformēšana.\n\nLiela daļa laika veltīta praktiskam darbam: dalībnieki sagatavo sava noteikumu projekta fragmentu un sākotnējās ietekmes novērtējuma ziņojumu, ko pasniedzēja individuāli izvērtē. Tiek apskatīta arī sabiedrības līdzdalība un projektu saskaņošana Tiesību aktu projektu portālā.',
    descriptionEn:
      'Participants learn the legal drafting requirements set out in the Cabinet regulations on preparing draft legislation. The course analyses the structure of a legal norm, the drafting of transitional provisions and the form of amendments.\n\nMuch of the time is devoted to practical work: each participant drafts part of a regulation and an initial impact assessment report, which the lecturer reviews individually. Public participation and coordination of drafts in the Legislative Drafts Portal are also covered.',
    targetAudienceLv: 'Ministriju un padotības iestāžu juristi un politikas plānotāji, kuri izstrādā normatīvo aktu projektus.',
    targetAudienceEn: 'Lawyers and policy planners in ministries and subordinate institutions who draft legislation.',
    language: 'LV',
    format: 'IN_PERSON',
    hours: 24,
    priceCents: 18500,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-LAW-201-G1',
        status: 'OPEN',
        minSize: 8,
        maxSize: 20,
        registrationDeadlineDayOffset: 30,
        filled: 6,
        sessions: [
          { dayOffset: 38, start: '10:00', end: '16:00', place: 'RB4-201', lecturer: 'L-VITOLA' },
          { dayOffset: 45, start: '10:00', end: '16:00', place: 'RB4-201', lecturer: 'L-VITOLA' },
          { dayOffset: 52, start: '10:00', end: '16:00', place: 'RB4-201', lecturer: 'L-VITOLA' },
          { dayOffset: 59, start: '10:00', end: '16:00', place: 'RB4-201', lecturer: 'L-VITOLA' },
        ],
      },
    ],
  },
  {
    code: 'VAS-LAW-202',
    topic: 'LAW',
    titleLv: 'Personas datu aizsardzība valsts pārvaldē',
    titleEn: 'Personal Data Protection in Public Administration',
    summaryLv: 'Vispārīgās datu aizsardzības regulas prasības iestādes ikdienas darbā: tiesiskais pamats, datu subjektu tiesības un incidentu pārvaldība.',
    summaryEn: 'GDPR requirements in the daily work of an institution: legal basis, data subject rights and incident management.',
    descriptionLv:
      'Mācībās tiek skaidrots, kā Vispārīgā datu aizsardzības regula un Fizisko personu datu apstrādes likums attiecas uz publiskām iestādēm. Dalībnieki mācīsies noteikt apstrādes tiesisko pamatu, sagatavot informāciju datu subjektiem un atbildēt uz piekļuves pieprasījumiem.\n\nTiek aplūkoti arī datu apstrādes reģistri, ietekmes novērtējums un rīcība datu aizsardzības pārkāpuma gadījumā. Piemēri balstīti uz Datu valsts inspekcijas praksi.',
    descriptionEn:
      'The course explains how the General Data Protection Regulation and the Personal Data Processing Law apply to public bodies. Participants learn to determine the legal basis for processing, inform data subjects and respond to access requests.\n\nRecords of processing, impact assessments and the response to a personal data breach are also covered. Examples are based on the practice of the Data State Inspectorate.',
    targetAudienceLv: 'Darbinieki, kuri ikdienā apstrādā personas datus, kā arī iestāžu datu aizsardzības speciālisti.',
    targetAudienceEn: 'Staff who process personal data in their daily work, and data protection officers.',
    language: 'LV',
    format: 'ONLINE',
    hours: 6,
    priceCents: 6500,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-LAW-202-G1',
        status: 'COMPLETED',
        minSize: 10,
        maxSize: 40,
        registrationDeadlineDayOffset: -25,
        filled: 34,
        sessions: [{ dayOffset: -20, start: '10:00', end: '16:00', onlineUrl: 'https://vas.zoom.us/j/85230418862', lecturer: 'L-KRUMINS' }],
      },
      {
        code: 'VAS-LAW-202-G2',
        status: 'OPEN',
        minSize: 10,
        maxSize: 40,
        registrationDeadlineDayOffset: 25,
        filled: 12,
        sessions: [{ dayOffset: 30, start: '10:00', end: '16:00', onlineUrl: 'https://vas.zoom.us/j/85230419904', lecturer: 'L-KRUMINS' }],
      },
    ],
  },
  {
    code: 'VAS-LAW-203',
    topic: 'LAW',
    titleLv: 'Iesniegumu izskatīšana un atbilžu sagatavošana',
    titleEn: 'Handling Submissions and Drafting Replies',
    summaryLv: 'Iesniegumu likuma prasības un praktiski padomi, kā iedzīvotājam sniegt skaidru, pieklājīgu un juridiski precīzu atbildi.',
    summaryEn: 'The requirements of the Law on Submissions and practical advice on giving residents a clear, polite and legally accurate reply.',
    descriptionLv:
      'Kursā apskatīti iesniegumu izskatīšanas termiņi, pārsūtīšanas kārtība un gadījumi, kad iesniegumu var atstāt bez izskatīšanas. Dalībnieki analizē reālu atbilžu piemērus un mācās tos pārrakstīt saprotamā valodā.\n\nTiek pārrunāta arī saziņa ar iesniedzēju e-adresē un elektroniski parakstītu dokumentu nosūtīšana.',
    descriptionEn:
      'The course covers time limits for handling submissions, the forwarding procedure and cases in which a submission may be left unexamined. Participants analyse real replies and learn to rewrite them in plain language.\n\nCommunication with the applicant through the official e-address and sending electronically signed documents are also discussed.',
    targetAudienceLv: 'Klientu apkalpošanas un lietvedības speciālisti, kā arī darbinieki, kuri sagatavo atbildes iedzīvotājiem.',
    targetAudienceEn: 'Customer service and records management staff, and employees who draft replies to residents.',
    language: 'LV',
    format: 'ONLINE',
    hours: 4,
    priceCents: 0,
    visibility: 'PUBLIC',
    groups: [],
  },
  {
    code: 'VAS-LAW-301',
    topic: 'LAW',
    titleLv: 'Ievads Latvijas valsts pārvaldē (angļu valodā)',
    titleEn: 'Introduction to Public Administration in Latvia',
    summaryLv: 'Kurss angļu valodā ārvalstu ekspertiem un jaunajiem darbiniekiem, kuri nepārvalda latviešu valodu pietiekamā līmenī.',
    summaryEn: 'A course in English for foreign experts and new staff members who are not yet fluent in Latvian.',
    descriptionLv:
      'Kursā sniegts pārskats par Latvijas konstitucionālo iekārtu, Saeimas, Ministru kabineta un pašvaldību lomu, kā arī valsts pārvaldes darbības principiem. Dalībnieki iepazīst valsts dienesta pamatnoteikumus un iestāžu sadarbības kārtību.\n\nNodarbības notiek tiešsaistē un ietver diskusijas par Latvijas pieredzi salīdzinājumā ar citām ES dalībvalstīm.',
    descriptionEn:
      'The course gives an overview of the constitutional order of Latvia, the roles of the Saeima, the Cabinet of Ministers and local governments, and the principles of public administration. Participants learn the basic rules of the civil service and how institutions cooperate.\n\nSessions take place online and include discussions comparing Latvian experience with other EU member states.',
    targetAudienceLv: 'Ārvalstu eksperti, starptautisko projektu darbinieki un jaunie kolēģi, kuriem ērtāk mācīties angļu valodā.',
    targetAudienceEn: 'Foreign experts, international project staff and new colleagues who prefer to learn in English.',
    language: 'EN',
    format: 'ONLINE',
    hours: 8,
    priceCents: 9500,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-LAW-301-G1',
        status: 'OPEN',
        minSize: 6,
        maxSize: 25,
        registrationDeadlineDayOffset: 20,
        filled: 7,
        sessions: [
          { dayOffset: 27, start: '09:00', end: '12:15', onlineUrl: 'https://vas.zoom.us/j/86014472315', lecturer: 'L-BERZINS' },
          { dayOffset: 28, start: '09:00', end: '12:15', onlineUrl: 'https://vas.zoom.us/j/86014472315', lecturer: 'L-BERZINS' },
        ],
      },
    ],
  },

  // Vadība un līderība
  {
    code: 'VAS-LEAD-101',
    topic: 'LEAD',
    titleLv: 'Vadītāja loma pārmaiņu laikā',
    titleEn: 'The Role of the Manager in Times of Change',
    summaryLv: 'Kā plānot un vadīt pārmaiņas struktūrvienībā, mazināt pretestību un saglabāt komandas motivāciju.',
    summaryEn: 'How to plan and lead change in a unit, reduce resistance and keep the team motivated.',
    descriptionLv:
      'Mācības palīdz vadītājiem izprast pārmaiņu procesa posmus un darbinieku reakcijas uz tiem. Dalībnieki iepazīst pārmaiņu vadības modeļus un izvērtē, kuri no tiem piemērojami valsts pārvaldes reformu kontekstā.\n\nOtrajā dienā dalībnieki strādā ar savas iestādes gadījumiem: sagatavo pārmaiņu komunikācijas plānu un praktizē sarežģītas sarunas ar darbiniekiem. Kursa noslēgumā katrs dalībnieks izstrādā individuālu rīcības plānu.',
    descriptionEn:
      'The course helps managers understand the stages of change and how employees react to them. Participants learn change management models and assess which of them fit the context of public administration reforms.\n\nOn the second day participants work on cases from their own institutions: they prepare a change communication plan and practise difficult conversations with staff. Each participant finishes with an individual action plan.',
    targetAudienceLv: 'Struktūrvienību vadītāji un viņu vietnieki.',
    targetAudienceEn: 'Heads of units and their deputies.',
    language: 'LV',
    format: 'IN_PERSON',
    hours: 16,
    priceCents: 21000,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-LEAD-101-G1',
        status: 'COMPLETED',
        minSize: 8,
        maxSize: 16,
        registrationDeadlineDayOffset: -38,
        filled: 16,
        sessions: [
          { dayOffset: -31, start: '09:00', end: '16:15', place: 'RB4-201', lecturer: 'L-BERZINS' },
          { dayOffset: -30, start: '09:00', end: '16:15', place: 'RB4-201', lecturer: 'L-BERZINS' },
        ],
        attendance: { absent: [5], excused: [] },
      },
      {
        code: 'VAS-LEAD-101-G2',
        status: 'CONFIRMED',
        minSize: 8,
        maxSize: 16,
        registrationDeadlineDayOffset: 7,
        filled: 14,
        sessions: [
          { dayOffset: 14, start: '09:00', end: '16:15', place: 'RB4-201', lecturer: 'L-BERZINS' },
          { dayOffset: 15, start: '09:00', end: '16:15', place: 'RB4-201', lecturer: 'L-BERZINS' },
        ],
      },
    ],
  },
  {
    code: 'VAS-LEAD-102',
    topic: 'LEAD',
    titleLv: 'Komandas vadīšana attālinātā un hibrīdā darbā',
    titleEn: 'Leading Teams in Remote and Hybrid Work',
    summaryLv: 'Praktiski rīki, lai vadītu komandu, kuras dalībnieki strādā gan birojā, gan attālināti.',
    summaryEn: 'Practical tools for leading a team whose members work both in the office and remotely.',
    descriptionLv:
      'Kursā aplūkoti hibrīdā darba organizēšanas principi: vienošanās par pieejamību, sanāksmju kultūra un darba rezultātu plānošana. Dalībnieki iepazīst rīkus uzdevumu sekošanai un mācās, kā uzturēt uzticēšanos un piederības sajūtu komandā.\n\nPirmā nodarbība notiek klātienē, otrā tiešsaistē, lai dalībnieki paši izjustu abu formātu priekšrocības un ierobežojumus.',
    descriptionEn:
      'The course covers the principles of organising hybrid work: agreements on availability, meeting culture and planning for results. Participants learn tools for tracking tasks and how to maintain trust and a sense of belonging in the team.\n\nThe first session is held in the classroom and the second online, so that participants experience the strengths and limits of both formats themselves.',
    targetAudienceLv: 'Vadītāji, kuru komandas strādā hibrīdā vai attālinātā režīmā.',
    targetAudienceEn: 'Managers whose teams work in a hybrid or remote arrangement.',
    language: 'LV',
    format: 'HYBRID',
    hours: 8,
    priceCents: 14500,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-LEAD-102-G1',
        status: 'OPEN',
        minSize: 8,
        maxSize: 20,
        registrationDeadlineDayOffset: 18,
        filled: 11,
        sessions: [
          { dayOffset: 25, start: '09:00', end: '12:15', place: 'RB4-305', lecturer: 'L-BERZINS' },
          { dayOffset: 32, start: '09:00', end: '12:15', onlineUrl: 'https://vas.zoom.us/j/87455102298', lecturer: 'L-BERZINS' },
        ],
      },
    ],
  },
  {
    code: 'VAS-LEAD-201',
    topic: 'LEAD',
    titleLv: 'Stratēģiskā plānošana un rezultātu vadība',
    titleEn: 'Strategic Planning and Performance Management',
    summaryLv: 'No iestādes stratēģijas līdz izmērāmiem rezultatīvajiem rādītājiem un regulārai to uzraudzībai.',
    summaryEn: 'From the strategy of an institution to measurable performance indicators and their regular monitoring.',
    descriptionLv:
      'Kurss aptver visu stratēģiskās plānošanas ciklu: situācijas analīzi, mērķu formulēšanu, rezultatīvo rādītāju izvēli un uzraudzības sistēmas izveidi. Dalībnieki iepazīst Nacionālā attīstības plāna un nozaru politikas plānošanas dokumentu sasaisti ar iestādes darbības stratēģiju.\n\nTrīs dienu laikā dalībnieki grupās izstrādā stratēģijas projektu reālai vai izdomātai iestādei un prezentē to kolēģiem. Mācību pasākums ir pirmais solis vidējā līmeņa vadītāju attīstības programmā.',
    descriptionEn:
      'The course covers the full strategic planning cycle: situation analysis, setting objectives, choosing performance indicators and building a monitoring system. Participants see how the National Development Plan and sectoral policy documents link to the operational strategy of an institution.\n\nOver three days participants work in groups on a draft strategy for a real or fictional institution and present it to their peers. The course is the first step of the middle management development programme.',
    targetAudienceLv: 'Vidējā līmeņa vadītāji un plānošanas speciālisti.',
    targetAudienceEn: 'Middle managers and planning specialists.',
    language: 'LV',
    format: 'IN_PERSON',
    hours: 24,
    priceCents: 26000,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-LEAD-201-G1',
        status: 'PLANNED',
        minSize: 10,
        maxSize: 20,
        registrationDeadlineDayOffset: 85,
        filled: 0,
        sessions: [
          { dayOffset: 95, start: '09:00', end: '16:15', place: 'RB4-305', lecturer: 'L-BERZINS' },
          { dayOffset: 96, start: '09:00', end: '16:15', place: 'RB4-305', lecturer: 'L-BERZINS' },
          { dayOffset: 97, start: '09:00', end: '16:15', place: 'RB4-305', lecturer: 'L-BERZINS' },
        ],
      },
    ],
  },
  {
    code: 'VAS-LEAD-202',
    topic: 'LEAD',
    titleLv: 'Augstākā līmeņa vadītāju attīstības programma',
    titleEn: 'Senior Civil Service Development Programme',
    summaryLv: 'Slēgta programma augstākā līmeņa vadītājiem par stratēģisko līderību, sadarbību starp resoriem un lēmumu pieņemšanu nenoteiktībā.',
    summaryEn: 'A closed programme for senior managers on strategic leadership, cross-sector cooperation and decision-making under uncertainty.',
    descriptionLv:
      'Programma sastāv no piecām mācību dienām, kas notiek aptuveni reizi mēnesī. Tajā apvienotas lekcijas, praktiskas darbnīcas un pieredzes apmaiņa ar Latvijas un ārvalstu vadītājiem.\n\nTēmas ietver valsts pārvaldes vērtības, stratēģisko līderību, komandas veidošanu, publisko uzstāšanos un personīgās noturības stiprināšanu. Starp nodarbībām dalībnieki strādā ar individuālo attīstības plānu un tiekas ar mentoru.\n\nDalība programmā ir iespējama tikai pēc iestādes pieteikuma.',
    descriptionEn:
      'The programme consists of five training days held roughly once a month. It combines lectures, practical workshops and exchange of experience with Latvian and foreign leaders.\n\nTopics include public service values, strategic leadership, team building, public speaking and personal resilience. Between sessions participants work on an individual development plan and meet a mentor.\n\nParticipation is possible only when nominated by an institution.',
    targetAudienceLv: 'Valsts sekretāri, viņu vietnieki un iestāžu vadītāji no programmā iesaistītajām iestādēm.',
    targetAudienceEn: 'State secretaries, their deputies and heads of institutions from the participating bodies.',
    language: 'LV',
    format: 'IN_PERSON',
    hours: 40,
    priceCents: 29000,
    visibility: 'RESTRICTED',
    allowedInstitutions: ['VK', 'VM'],
    groups: [
      {
        code: 'VAS-LEAD-202-G1',
        status: 'CONFIRMED',
        minSize: 10,
        maxSize: 14,
        registrationDeadlineDayOffset: 4,
        filled: 14,
        sessions: [
          { dayOffset: 20, start: '09:00', end: '16:15', place: 'RB4-305', lecturer: 'L-BERZINS' },
          { dayOffset: 21, start: '09:00', end: '16:15', place: 'RB4-305', lecturer: 'L-LIEPA' },
          { dayOffset: 48, start: '09:00', end: '16:15', place: 'RB4-305', lecturer: 'L-BERZINS' },
          { dayOffset: 49, start: '09:00', end: '16:15', place: 'RB4-305', lecturer: 'L-LIEPA' },
          { dayOffset: 76, start: '09:00', end: '16:15', place: 'RB4-305', lecturer: 'L-BERZINS' },
        ],
      },
    ],
  },
  {
    code: 'VAS-LEAD-203',
    topic: 'LEAD',
    titleLv: 'Koučinga prasmes vadītājiem (angļu valodā)',
    titleEn: 'Coaching Skills for Managers',
    summaryLv: 'Interaktīva darbnīca angļu valodā par koučinga pieeju ikdienas sarunās ar darbiniekiem.',
    summaryEn: 'An interactive workshop in English on using a coaching approach in everyday conversations with staff.',
    descriptionLv:
      'Darbnīcā dalībnieki apgūst GROW modeli, aktīvās klausīšanās un atvērtu jautājumu uzdošanas tehniku. Lielākā daļa laika veltīta praktiskiem vingrinājumiem pāros un trijatās ar pasniedzējas atgriezenisko saiti.\n\nDarbnīca notiek angļu valodā, tāpēc tā piemērota arī starptautisku komandu vadītājiem.',
    descriptionEn:
      'In this workshop participants learn the GROW model, active listening and the art of asking open questions. Most of the time is spent on practical exercises in pairs and threes with feedback from the lecturer.\n\nThe workshop is held in English, so it also suits managers of international teams.',
    targetAudienceLv: 'Vadītāji un projektu vadītāji, kuri vēlas attīstīt darbinieku atbalsta prasmes un brīvi sazinās angļu valodā.',
    targetAudienceEn: 'Managers and project leaders who want to develop their skills in supporting staff and are comfortable working in English.',
    language: 'EN',
    format: 'IN_PERSON',
    hours: 8,
    priceCents: 16000,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-LEAD-203-G1',
        status: 'OPEN',
        minSize: 6,
        maxSize: 12,
        registrationDeadlineDayOffset: 35,
        filled: 5,
        sessions: [{ dayOffset: 42, start: '09:00', end: '16:15', place: 'RB4-201', lecturer: 'L-LIEPA' }],
      },
    ],
  },
  {
    code: 'VAS-LEAD-301',
    topic: 'LEAD',
    titleLv: 'Lēmumu pieņemšana un problēmu risināšana',
    titleEn: 'Decision-Making and Problem Solving',
    summaryLv: 'Strukturētas metodes problēmu analīzei un pamatotu lēmumu pieņemšanai ierobežota laika un informācijas apstākļos.',
    summaryEn: 'Structured methods for analysing problems and making sound decisions with limited time and information.',
    descriptionLv:
      'Kursā dalībnieki iepazīst problēmu koka, cēloņu un seku analīzes un daudzkritēriju novērtēšanas metodes. Tiek pārrunātas biežākās domāšanas kļūdas un kognitīvās neobjektivitātes, kas ietekmē lēmumus.\n\nPraktiskajos uzdevumos dalībnieki izmanto valsts pārvaldes situācijas, piemēram, resursu sadali starp konkurējošām prioritātēm.',
    descriptionEn:
      'Participants learn problem tree analysis, cause-and-effect analysis and multi-criteria assessment. The course also discusses common thinking errors and cognitive biases that affect decisions.\n\nThe practical exercises use public administration situations such as allocating resources between competing priorities.',
    targetAudienceLv: 'Vadītāji un vecākie eksperti, kuri sagatavo vai pieņem lēmumus.',
    targetAudienceEn: 'Managers and senior experts who prepare or take decisions.',
    language: 'LV',
    format: 'ONLINE',
    hours: 6,
    priceCents: 8500,
    visibility: 'PUBLIC',
    groups: [],
  },

  // Publiskās finanses un iepirkumi
  {
    code: 'VAS-FIN-101',
    topic: 'FIN',
    titleLv: 'Publisko iepirkumu pamati',
    titleEn: 'Public Procurement Basics',
    summaryLv: 'Publisko iepirkumu likuma pamatprincipi, iepirkuma procedūru izvēle un tipiskākās kļūdas iepirkuma dokumentācijā.',
    summaryEn: 'The core principles of the Public Procurement Law, choosing a procedure and the most common errors in procurement documents.',
    descriptionLv:
      'Mācību pasākumā dalībnieki iepazīst publisko iepirkumu tiesisko regulējumu un iepirkuma procesa posmus no vajadzību plānošanas līdz līguma noslēgšanai. Tiek skaidrota līgumcenu robežvērtību piemērošana, iepirkumu plāna sagatavošana un Elektronisko iepirkumu sistēmas izmantošana.\n\nPraktiskajā daļā dalībnieki sagatavo tehniskās specifikācijas fragmentu un izvērtē piedāvājumus pēc saimnieciski visizdevīgākā piedāvājuma kritērijiem. Tiek apskatīta arī Iepirkumu uzraudzības biroja prakse.',
    descriptionEn:
      'Participants learn the legal framework of public procurement and each stage of the process, from planning needs to concluding the contract. The course explains contract value thresholds, preparing a procurement plan and using the Electronic Procurement System.\n\nIn the practical part participants draft part of a technical specification and evaluate tenders against most economically advantageous tender criteria. The practice of the Procurement Monitoring Bureau is also reviewed.',
    targetAudienceLv: 'Iepirkumu speciālisti, iepirkumu komisiju locekļi un darbinieki, kuri sagatavo tehniskās specifikācijas.',
    targetAudienceEn: 'Procurement specialists, procurement committee members and staff who draft technical specifications.',
    language: 'LV',
    format: 'IN_PERSON',
    hours: 16,
    priceCents: 15000,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-FIN-101-G1',
        status: 'COMPLETED',
        minSize: 10,
        maxSize: 30,
        registrationDeadlineDayOffset: -66,
        filled: 27,
        sessions: [
          { dayOffset: -60, start: '09:00', end: '16:15', place: 'RB4-305', lecturer: 'L-KLAVINA' },
          { dayOffset: -59, start: '09:00', end: '16:15', place: 'RB4-305', lecturer: 'L-KLAVINA' },
        ],
      },
      {
        code: 'VAS-FIN-101-G2',
        status: 'OPEN',
        minSize: 10,
        maxSize: 30,
        registrationDeadlineDayOffset: 6,
        filled: 30,
        sessions: [
          { dayOffset: 11, start: '09:00', end: '16:15', place: 'RB4-ZALE', lecturer: 'L-KLAVINA' },
          { dayOffset: 12, start: '09:00', end: '16:15', place: 'RB4-ZALE', lecturer: 'L-KLAVINA' },
        ],
      },
    ],
  },
  {
    code: 'VAS-FIN-102',
    topic: 'FIN',
    titleLv: 'Iepirkuma līguma izpilde un grozījumi',
    titleEn: 'Procurement Contract Performance and Amendments',
    summaryLv: 'Kā uzraudzīt iepirkuma līguma izpildi, kad līgumu drīkst grozīt un kā rīkoties, ja piegādātājs nepilda saistības.',
    summaryEn: 'How to monitor the performance of a procurement contract, when it may be amended and what to do if the supplier fails to deliver.',
    descriptionLv:
      'Kurss veltīts iepirkuma posmam pēc līguma noslēgšanas, kam bieži netiek pievērsta pietiekama uzmanība. Dalībnieki apgūst Publisko iepirkumu likuma 61. panta prasības līguma grozījumiem un analizē pieļaujamo un nepieļaujamo grozījumu piemērus.\n\nTiek apskatīta arī līgumsodu piemērošana, līguma izbeigšana un informācijas publicēšana par līguma izpildi.',
    descriptionEn:
      'The course focuses on the stage after the contract is signed, which often receives too little attention. Participants learn the requirements of Section 61 of the Public Procurement Law on contract amendments and analyse examples of permitted and prohibited changes.\n\nContractual penalties, termination of contracts and publishing information on contract performance are also covered.',
    targetAudienceLv: 'Līgumu vadītāji, iepirkumu speciālisti un juristi.',
    targetAudienceEn: 'Contract managers, procurement specialists and lawyers.',
    language: 'LV',
    format: 'ONLINE',
    hours: 8,
    priceCents: 9800,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-FIN-102-G1',
        status: 'OPEN',
        minSize: 8,
        maxSize: 40,
        registrationDeadlineDayOffset: 28,
        filled: 15,
        sessions: [
          { dayOffset: 34, start: '09:00', end: '12:15', onlineUrl: 'https://vas.zoom.us/j/81377240651', lecturer: 'L-KLAVINA' },
          { dayOffset: 36, start: '09:00', end: '12:15', onlineUrl: 'https://vas.zoom.us/j/81377240651', lecturer: 'L-KLAVINA' },
        ],
      },
    ],
  },
  {
    code: 'VAS-FIN-201',
    topic: 'FIN',
    titleLv: 'Valsts budžeta plānošana un izpilde',
    titleEn: 'State Budget Planning and Execution',
    summaryLv: 'Budžeta cikls no bāzes izdevumu aprēķina līdz izpildes pārskatam, ieskaitot prioritāro pasākumu pieteikšanu.',
    summaryEn: 'The budget cycle from calculating baseline expenditure to the execution report, including requests for priority measures.',
    descriptionLv:
      'Kursā skaidrots vidēja termiņa budžeta ietvara veidošanas process un iestādes loma tajā. Dalībnieki apgūst budžeta programmu struktūru, ekonomiskās klasifikācijas kodus un apropriācijas pārdales kārtību.\n\nPraktiskajos darbos dalībnieki sagatavo budžeta pieprasījuma fragmentu un analizē budžeta izpildes datus. Kurss palīdz labāk sadarboties ar Finanšu ministriju un Valsts kasi.',
    descriptionEn:
      'The course explains how the medium-term budget framework is prepared and the role of an institution in it. Participants learn the structure of budget programmes, economic classification codes and the procedure for reallocating appropriations.\n\nIn practical exercises participants draft part of a budget request and analyse budget execution data. The course helps institutions work better with the Ministry of Finance and the Treasury.',
    targetAudienceLv: 'Finanšu un plānošanas nodaļu darbinieki, kā arī vadītāji, kuri atbild par budžeta programmām.',
    targetAudienceEn: 'Staff of finance and planning departments and managers responsible for budget programmes.',
    language: 'LV',
    format: 'IN_PERSON',
    hours: 16,
    priceCents: 17500,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-FIN-201-G1',
        status: 'CONFIRMED',
        minSize: 8,
        maxSize: 24,
        registrationDeadlineDayOffset: 10,
        filled: 18,
        sessions: [
          { dayOffset: 18, start: '09:00', end: '16:15', place: 'RB4-ZALE', lecturer: 'L-SMITS' },
          { dayOffset: 19, start: '09:00', end: '16:15', place: 'RB4-ZALE', lecturer: 'L-SMITS' },
        ],
      },
    ],
  },
  {
    code: 'VAS-FIN-202',
    topic: 'FIN',
    titleLv: 'Grāmatvedības uzskaite budžeta iestādēs',
    titleEn: 'Accounting in Budget Institutions',
    summaryLv: 'Praktiskas apmācības par grāmatvedības uzskaites kārtību budžeta iestādēs un pārskatu sagatavošanu.',
    summaryEn: 'Practical training on accounting rules in budget institutions and on preparing financial statements.',
    descriptionLv:
      'Kursā tiek apskatīti Ministru kabineta noteikumi par grāmatvedības uzskaites kārtību budžeta iestādēs un to praktiskā piemērošana. Dalībnieki apgūst pamatlīdzekļu, nemateriālo ieguldījumu un uzkrājumu uzskaiti.\n\nTiek skaidrota arī gada pārskata sagatavošana, savstarpējo darījumu saskaņošana un biežākās kļūdas, ko konstatē Valsts kontrole. Mācības notiek hibrīdā formātā: teorija tiešsaistē, praktiskie uzdevumi klātienē.',
    descriptionEn:
      'The course reviews the Cabinet regulations on accounting in budget institutions and how they apply in practice. Participants learn to account for fixed assets, intangible assets and provisions.\n\nPreparing the annual report, reconciling transactions between public bodies and the most common errors found by the State Audit Office are also explained. The course is hybrid: theory online and practical exercises in the classroom.',
    targetAudienceLv: 'Budžeta iestāžu grāmatveži un finanšu speciālisti.',
    targetAudienceEn: 'Accountants and finance specialists in budget institutions.',
    language: 'LV',
    format: 'HYBRID',
    hours: 24,
    priceCents: 22000,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-FIN-202-G1',
        status: 'CANCELLED',
        cancellationReason: 'Pasniedzējs saslima; kursu atkārtosim nākamajā grupā.',
        minSize: 10,
        maxSize: 24,
        registrationDeadlineDayOffset: -12,
        filled: 4,
        sessions: [
          { dayOffset: -5, start: '09:00', end: '16:15', place: 'RB4-201', lecturer: 'L-SMITS' },
          { dayOffset: -4, start: '09:00', end: '16:15', onlineUrl: 'https://vas.zoom.us/j/82916603340', lecturer: 'L-SMITS' },
          { dayOffset: -3, start: '09:00', end: '16:15', place: 'RB4-201', lecturer: 'L-SMITS' },
        ],
      },
      {
        code: 'VAS-FIN-202-G2',
        status: 'OPEN',
        minSize: 10,
        maxSize: 24,
        registrationDeadlineDayOffset: 45,
        priceOverrideCents: 19800,
        filled: 7,
        sessions: [
          { dayOffset: 55, start: '09:00', end: '16:15', place: 'RB4-201', lecturer: 'L-SMITS' },
          { dayOffset: 56, start: '09:00', end: '16:15', onlineUrl: 'https://vas.zoom.us/j/82916607718', lecturer: 'L-SMITS' },
          { dayOffset: 57, start: '09:00', end: '16:15', place: 'RB4-201', lecturer: 'L-SMITS' },
        ],
      },
    ],
  },
  {
    code: 'VAS-FIN-203',
    topic: 'FIN',
    titleLv: 'Iekšējā kontrole un iekšējais audits',
    titleEn: 'Internal Control and Internal Audit',
    summaryLv: 'Slēgtas mācības par iekšējās kontroles sistēmas izveidi, risku novērtēšanu un sadarbību ar iekšējiem auditoriem.',
    summaryEn: 'A closed course on building an internal control system, assessing risks and working with internal auditors.',
    descriptionLv:
      'Mācības izstrādātas pēc pasūtītājiestādes pieprasījuma, ņemot vērā tās darbības specifiku. Dalībnieki apgūst iekšējās kontroles sistēmas elementus, pienākumu nošķiršanas principu un kontroles pasākumu dokumentēšanu.\n\nTiek skaidrots, kā sagatavoties iekšējā audita pārbaudei un kā ieviest auditoru ieteikumus. Praktiskajā daļā dalībnieki izstrādā savas struktūrvienības risku reģistra fragmentu.',
    descriptionEn:
      "The course was designed at the request of the commissioning institution and reflects the specifics of its work. Participants learn the elements of an internal control system, the segregation of duties and how to document control measures.\n\nIt also explains how to prepare for an internal audit and implement auditors' recommendations. In the practical part participants draft part of a risk register for their own unit.",
    targetAudienceLv: 'Pasūtītājiestādes struktūrvienību vadītāji un risku vadības speciālisti.',
    targetAudienceEn: 'Heads of units and risk management specialists of the commissioning institution.',
    language: 'LV',
    format: 'IN_PERSON',
    hours: 8,
    priceCents: 13500,
    visibility: 'RESTRICTED',
    allowedInstitutions: ['VID'],
    groups: [
      {
        code: 'VAS-FIN-203-G1',
        status: 'COMPLETED',
        minSize: 10,
        maxSize: 20,
        registrationDeadlineDayOffset: -19,
        filled: 18,
        sessions: [{ dayOffset: -12, start: '09:00', end: '16:15', place: 'RB4-305', lecturer: 'L-SMITS' }],
      },
    ],
  },
  {
    code: 'VAS-FIN-301',
    topic: 'FIN',
    titleLv: 'Publiskā un privātā partnerība',
    titleEn: 'Public-Private Partnership',
    summaryLv: 'Kad publiskās un privātās partnerības modelis ir piemērots un kā novērtēt tā finansiālo izdevīgumu.',
    summaryEn: 'When a public-private partnership model is appropriate and how to assess its value for money.',
    descriptionLv:
      'Kursā aplūkots Publiskās un privātās partnerības likums, koncesiju veidi un risku sadale starp partneriem. Dalībnieki iepazīst Latvijas un citu valstu projektu piemērus un analizē, kas noteica to panākumus vai neveiksmes.\n\nTiek skaidrota arī salīdzināmo izmaksu aprēķina metodika un ietekme uz valsts parāda rādītājiem.',
    descriptionEn:
      'The course covers the Public-Private Partnership Law, types of concessions and the allocation of risks between partners. Participants look at projects from Latvia and other countries and analyse what made them succeed or fail.\n\nThe public sector comparator method and the effect on government debt indicators are also explained.',
    targetAudienceLv: 'Investīciju projektu vadītāji, finanšu analītiķi un pašvaldību attīstības speciālisti.',
    targetAudienceEn: 'Investment project managers, financial analysts and local government development specialists.',
    language: 'LV',
    format: 'ONLINE',
    hours: 6,
    priceCents: 7000,
    visibility: 'PUBLIC',
    groups: [],
  },

  // Digitālās prasmes un e-pārvalde
  {
    code: 'VAS-DIG-101',
    topic: 'DIG',
    titleLv: 'Digitālās pamatprasmes valsts pārvaldes darbiniekiem',
    titleEn: 'Basic Digital Skills for Civil Servants',
    summaryLv: 'Praktiskas apmācības datorklasē: droša darba vide, koplietošanas dokumenti, e-paraksts un e-adrese.',
    summaryEn: 'Hands-on training in the computer lab: a secure workplace, shared documents, e-signature and the official e-address.',
    descriptionLv:
      'Mācību pasākums palīdz dalībniekiem droši un efektīvi lietot ikdienas digitālos rīkus. Dalībnieki praktiski izmēģina dokumentu kopīgu rediģēšanu, tiešsaistes sanāksmju organizēšanu un failu glabāšanu mākonī atbilstoši iestādes drošības prasībām.\n\nOtrajā nodarbībā tiek apgūta dokumentu parakstīšana ar eParaksts rīkiem, darbs ar oficiālo e-adresi un valsts pakalpojumu portāla Latvija.gov.lv iespējas. Nodarbības notiek datorklasē, tāpēc līdzi nekas nav jāņem.',
    descriptionEn:
      'The course helps participants use everyday digital tools securely and efficiently. Participants practise co-editing documents, organising online meetings and storing files in the cloud in line with security requirements.\n\nThe second session covers signing documents with eParaksts tools, working with the official e-address and the services available on the Latvija.gov.lv portal. Sessions take place in the computer lab, so participants do not need to bring anything.',
    targetAudienceLv: 'Darbinieki, kuri vēlas nostiprināt pamatprasmes darbā ar datoru un e-pakalpojumiem.',
    targetAudienceEn: 'Employees who want to strengthen their basic skills with computers and e-services.',
    language: 'LV',
    format: 'IN_PERSON',
    hours: 8,
    priceCents: 0,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-DIG-101-G1',
        status: 'OPEN',
        minSize: 6,
        maxSize: 16,
        registrationDeadlineDayOffset: 5,
        filled: 16,
        sessions: [
          { dayOffset: 7, start: '09:00', end: '12:15', place: 'RB4-108', lecturer: 'L-ZARINS' },
          { dayOffset: 8, start: '09:00', end: '12:15', place: 'RB4-108', lecturer: 'L-ZARINS' },
        ],
      },
      {
        code: 'VAS-DIG-101-G2',
        status: 'OPEN',
        minSize: 6,
        maxSize: 16,
        registrationDeadlineDayOffset: 33,
        filled: 3,
        sessions: [
          { dayOffset: 40, start: '09:00', end: '12:15', place: 'RB4-108', lecturer: 'L-ZARINS' },
          { dayOffset: 41, start: '09:00', end: '12:15', place: 'RB4-108', lecturer: 'L-ZARINS' },
        ],
      },
    ],
  },
  {
    code: 'VAS-DIG-102',
    topic: 'DIG',
    titleLv: 'E-pakalpojumu izstrāde un lietotājorientēts dizains',
    titleEn: 'Designing e-Services with a User-Centred Approach',
    summaryLv: 'Kā izstrādāt e-pakalpojumu, kuru iedzīvotāji spēj izmantot bez zvana uz palīdzības dienestu.',
    summaryEn: 'How to design an e-service that residents can use without calling the help desk.',
    descriptionLv:
      'Kursā dalībnieki apgūst lietotājorientēta dizaina pamatus: lietotāju izpēti, klienta ceļa kartēšanu un prototipēšanu. Tiek apskatīti valsts pārvaldes pakalpojumu pārveides principi un vienotās vizuālās identitātes prasības.\n\nPirmajā dienā klātienē dalībnieki grupās pārveido kādu esošu pakalpojumu, otrajā dienā tiešsaistē testē savus prototipus ar lietotājiem un iepazīstina ar rezultātiem.',
    descriptionEn:
      'Participants learn the basics of user-centred design: user research, customer journey mapping and prototyping. The course covers the principles for redesigning public services and the requirements of the common visual identity.\n\nOn the first day, in the classroom, groups redesign an existing service; on the second day, online, they test their prototypes with users and present the results.',
    targetAudienceLv: 'Pakalpojumu īpašnieki, IT projektu vadītāji un klientu apkalpošanas vadītāji.',
    targetAudienceEn: 'Service owners, IT project managers and customer service managers.',
    language: 'LV',
    format: 'HYBRID',
    hours: 16,
    priceCents: 16500,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-DIG-102-G1',
        status: 'OPEN',
        minSize: 8,
        maxSize: 20,
        registrationDeadlineDayOffset: 21,
        filled: 9,
        sessions: [
          { dayOffset: 29, start: '09:00', end: '16:15', place: 'RB4-305', lecturer: 'L-ZARINS' },
          { dayOffset: 31, start: '09:00', end: '16:15', onlineUrl: 'https://vas.zoom.us/j/83340917725', lecturer: 'L-ZARINS' },
        ],
      },
    ],
  },
  {
    code: 'VAS-DIG-201',
    topic: 'DIG',
    titleLv: 'Datu analīze ar Excel un Power BI',
    titleEn: 'Data Analysis with Excel and Power BI',
    summaryLv: 'Datu sagatavošana, analīze un pārskatāmu vizualizāciju veidošana vadības lēmumu atbalstam.',
    summaryEn: 'Preparing and analysing data and building clear visualisations to support management decisions.',
    descriptionLv:
      'Kurss sastāv no trim praktiskām nodarbībām datorklasē. Dalībnieki apgūst datu tīrīšanu ar Power Query, rakurstabulas, biežāk izmantotās funkcijas un datu modeļa veidošanu.\n\nPēdējā nodarbībā tiek veidots interaktīvs Power BI pārskats, izmantojot Centrālās statistikas pārvaldes un Latvijas atvērto datu portāla datus. Dalībniekiem vēlamas Excel pamatzināšanas.',
    descriptionEn:
      'The course consists of three practical sessions in the computer lab. Participants learn data cleaning with Power Query, pivot tables, frequently used functions and building a data model.\n\nIn the last session participants build an interactive Power BI report using data from the Central Statistical Bureau and the Latvian Open Data Portal. Basic Excel knowledge is recommended.',
    targetAudienceLv: 'Analītiķi, plānošanas speciālisti un citi darbinieki, kuri regulāri strādā ar datiem.',
    targetAudienceEn: 'Analysts, planning specialists and other staff who regularly work with data.',
    language: 'LV',
    format: 'IN_PERSON',
    hours: 24,
    priceCents: 19500,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-DIG-201-G1',
        status: 'COMPLETED',
        minSize: 6,
        maxSize: 16,
        registrationDeadlineDayOffset: -47,
        filled: 15,
        sessions: [
          { dayOffset: -40, start: '09:00', end: '16:15', place: 'RB4-108', lecturer: 'L-ZARINS' },
          { dayOffset: -33, start: '09:00', end: '16:15', place: 'RB4-108', lecturer: 'L-ZARINS' },
          { dayOffset: -26, start: '09:00', end: '16:15', place: 'RB4-108', lecturer: 'L-ZARINS' },
        ],
        attendance: { absent: [4], excused: [7] },
      },
      {
        code: 'VAS-DIG-201-G2',
        status: 'OPEN',
        minSize: 6,
        maxSize: 16,
        registrationDeadlineDayOffset: 9,
        filled: 16,
        sessions: [
          { dayOffset: 13, start: '09:00', end: '16:15', place: 'RB4-108', lecturer: 'L-ZARINS' },
          { dayOffset: 20, start: '09:00', end: '16:15', place: 'RB4-108', lecturer: 'L-ZARINS' },
          { dayOffset: 27, start: '09:00', end: '16:15', place: 'RB4-108', lecturer: 'L-ZARINS' },
        ],
      },
    ],
  },
  {
    code: 'VAS-DIG-202',
    topic: 'DIG',
    titleLv: 'Mākslīgais intelekts valsts pārvaldē: iespējas un riski',
    titleEn: 'Artificial Intelligence in Public Administration: Opportunities and Risks',
    summaryLv: 'Ievadlekcija par mākslīgā intelekta rīku atbildīgu izmantošanu iestādes darbā.',
    summaryEn: 'An introductory lecture on the responsible use of artificial intelligence tools at work.',
    descriptionLv:
      'Lekcijā tiek skaidrots, kā darbojas lielie valodas modeļi un kādiem uzdevumiem tos var droši izmantot, piemēram, teksta kopsavilkumiem vai melnrakstiem. Tiek pārrunāti riski: neprecīza informācija, personas datu un ierobežotas pieejamības informācijas noplūde, autortiesības.\n\nDalībnieki iepazīstas ar Eiropas Savienības Mākslīgā intelekta akta prasībām un valsts pārvaldes vadlīnijām mākslīgā intelekta izmantošanai.',
    descriptionEn:
      'The lecture explains how large language models work and which tasks they can safely be used for, such as summaries or first drafts. It discusses the risks: inaccurate information, leaks of personal data and restricted information, and copyright.\n\nParticipants are introduced to the requirements of the EU Artificial Intelligence Act and the public administration guidelines on using artificial intelligence.',
    targetAudienceLv: 'Jebkurš valsts pārvaldes darbinieks, kurš vēlas izprast mākslīgā intelekta iespējas un ierobežojumus.',
    targetAudienceEn: 'Any civil servant who wants to understand what artificial intelligence can and cannot do.',
    language: 'LV',
    format: 'ONLINE',
    hours: 4,
    priceCents: 0,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-DIG-202-G1',
        status: 'OPEN',
        minSize: 20,
        maxSize: 100,
        registrationDeadlineDayOffset: 17,
        filled: 58,
        sessions: [{ dayOffset: 19, start: '13:00', end: '16:15', onlineUrl: 'https://vas.zoom.us/j/89012734456', lecturer: 'L-ZARINS' }],
      },
    ],
  },
  {
    code: 'VAS-DIG-203',
    topic: 'DIG',
    titleLv: 'Atvērtie dati un datu kvalitāte',
    titleEn: 'Open Data and Data Quality',
    summaryLv: 'Slēgtas mācības par datu kopu publicēšanu, metadatiem un datu kvalitātes kontroli.',
    summaryEn: 'A closed course on publishing datasets, metadata and data quality control.',
    descriptionLv:
      'Kursā dalībnieki apgūst atvērto datu principus un Latvijas atvērto datu portāla prasības datu kopu publicēšanai. Tiek apskatīti datu kvalitātes kritēriji, metadatu standarti un datu aizsardzības apsvērumi pirms publicēšanas.\n\nPraktiskajā daļā dalībnieki novērtē savas iestādes datu kopu kvalitāti un sagatavo uzlabojumu plānu. Mācības rīkotas sadarbībā ar statistikas un finanšu sektora iestādēm.',
    descriptionEn:
      'Participants learn the principles of open data and the requirements of the Latvian Open Data Portal for publishing datasets. The course covers data quality criteria, metadata standards and data protection considerations before publication.\n\nIn the practical part participants assess the quality of datasets of their institution and prepare an improvement plan. The course is organised together with statistics and financial sector institutions.',
    targetAudienceLv: 'Datu pārvaldnieki, statistiķi un analītiķi no iesaistītajām iestādēm.',
    targetAudienceEn: 'Data stewards, statisticians and analysts from the participating institutions.',
    language: 'LV',
    format: 'HYBRID',
    hours: 8,
    priceCents: 12000,
    visibility: 'RESTRICTED',
    allowedInstitutions: ['CSP', 'LB'],
    groups: [
      {
        code: 'VAS-DIG-203-G1',
        status: 'CONFIRMED',
        minSize: 6,
        maxSize: 18,
        registrationDeadlineDayOffset: 6,
        filled: 12,
        sessions: [
          { dayOffset: 10, start: '09:00', end: '12:15', place: 'RB4-305', lecturer: 'L-ZARINS' },
          { dayOffset: 17, start: '13:00', end: '16:15', onlineUrl: 'https://vas.zoom.us/j/89455120037', lecturer: 'L-ZARINS' },
        ],
      },
    ],
  },
  {
    code: 'VAS-DIG-301',
    topic: 'DIG',
    titleLv: 'Elektroniskā dokumentu aprite un e-paraksts',
    titleEn: 'Electronic Document Management and e-Signature',
    summaryLv: 'Elektronisko dokumentu noformēšanas, parakstīšanas un glabāšanas prasības iestādē.',
    summaryEn: 'Requirements for drafting, signing and storing electronic documents in an institution.',
    descriptionLv:
      'Kursā skaidrotas Elektronisko dokumentu likuma un dokumentu izstrādes un noformēšanas noteikumu prasības. Dalībnieki apgūst, kā pareizi sagatavot elektroniski parakstāmu dokumentu, pārbaudīt paraksta derīgumu un nosūtīt dokumentu uz e-adresi.\n\nTiek apskatīta arī elektronisko dokumentu ilgtermiņa glabāšana un nodošana Latvijas Nacionālajam arhīvam.',
    descriptionEn:
      'The course explains the requirements of the Electronic Documents Law and the rules on drafting and formatting documents. Participants learn how to prepare a document for electronic signature, verify a signature and send a document to an e-address.\n\nLong-term storage of electronic documents and their transfer to the National Archives of Latvia are also covered.',
    targetAudienceLv: 'Lietvedības un dokumentu pārvaldības speciālisti, sekretāri un asistenti.',
    targetAudienceEn: 'Records and document management specialists, secretaries and assistants.',
    language: 'LV',
    format: 'ONLINE',
    hours: 4,
    priceCents: 0,
    visibility: 'PUBLIC',
    groups: [],
  },

  // Komunikācija un valodas
  {
    code: 'VAS-COM-101',
    topic: 'COM',
    titleLv: 'Efektīva rakstiskā komunikācija',
    titleEn: 'Effective Written Communication',
    summaryLv: 'Kā rakstīt skaidras vēstules, e-pastus un ziņojumus, kurus adresāts izlasa un saprot no pirmās reizes.',
    summaryEn: 'How to write clear letters, e-mails and reports that the reader reads and understands the first time.',
    descriptionLv:
      'Mācībās dalībnieki apgūst skaidrās valodas principus un teksta strukturēšanu, sākot ar galveno domu. Tiek analizētas tipiskas birokrātiskās valodas kļūdas un pārrakstīti reāli valsts pārvaldes teksti.\n\nTiek pārrunāta arī e-pasta etiķete, dienesta ziņojumu un informatīvo ziņojumu uzbūve. Dalībnieki var līdzi ņemt savus tekstus, lai saņemtu individuālu atgriezenisko saiti.',
    descriptionEn:
      'Participants learn the principles of plain language and how to structure a text starting with the main message. Typical bureaucratic language errors are analysed and real public administration texts are rewritten.\n\nE-mail etiquette and the structure of internal memos and informative reports are also discussed. Participants may bring their own texts to receive individual feedback.',
    targetAudienceLv: 'Ikviens darbinieks, kura darbā liela nozīme ir rakstītiem tekstiem.',
    targetAudienceEn: 'Any employee whose work relies heavily on written texts.',
    language: 'LV',
    format: 'IN_PERSON',
    hours: 8,
    priceCents: 9500,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-COM-101-G1',
        status: 'OPEN',
        minSize: 8,
        maxSize: 20,
        registrationDeadlineDayOffset: 15,
        filled: 10,
        sessions: [{ dayOffset: 23, start: '09:00', end: '16:15', place: 'RB4-201', lecturer: 'L-JANSONE' }],
      },
    ],
  },
  {
    code: 'VAS-COM-102',
    topic: 'COM',
    titleLv: 'Publiskā uzstāšanās un prezentācijas prasmes',
    titleEn: 'Public Speaking and Presentation Skills',
    summaryLv: 'Pārliecinoša uzstāšanās sanāksmēs, konferencēs un Saeimas komisijās, ar videoierakstu un individuālu analīzi.',
    summaryEn: 'Confident speaking at meetings, conferences and Saeima committees, with video recording and individual analysis.',
    descriptionLv:
      'Kursā dalībnieki apgūst runas struktūras veidošanu, balss un ķermeņa valodas izmantošanu un uzstāšanās uztraukuma mazināšanu. Katrs dalībnieks sagatavo un vairākkārt izspēlē īsu prezentāciju, kas tiek ierakstīta video.\n\nOtrajā dienā uzmanība pievērsta atbildēm uz neērtiem jautājumiem un uzstāšanās tiešsaistē. Grupā ir ne vairāk kā 12 dalībnieki, lai katram pietiktu laika praksei.',
    descriptionEn:
      'Participants learn how to structure a speech, use voice and body language and manage stage fright. Each participant prepares a short presentation and delivers it several times on video.\n\nThe second day focuses on answering awkward questions and presenting online. Groups are limited to 12 participants so that everyone has enough time to practise.',
    targetAudienceLv: 'Vadītāji, eksperti un komunikācijas speciālisti, kuri pārstāv iestādi publiski.',
    targetAudienceEn: 'Managers, experts and communication specialists who represent their institution in public.',
    language: 'LV',
    format: 'IN_PERSON',
    hours: 16,
    priceCents: 17000,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-COM-102-G1',
        status: 'COMPLETED',
        minSize: 6,
        maxSize: 12,
        registrationDeadlineDayOffset: -24,
        filled: 12,
        sessions: [
          { dayOffset: -18, start: '09:00', end: '16:15', place: 'RB4-201', lecturer: 'L-JANSONE' },
          { dayOffset: -17, start: '09:00', end: '16:15', place: 'RB4-201', lecturer: 'L-JANSONE' },
        ],
        attendance: { absent: [2], excused: [] },
      },
      {
        code: 'VAS-COM-102-G2',
        status: 'CONFIRMED',
        minSize: 6,
        maxSize: 12,
        registrationDeadlineDayOffset: 26,
        filled: 9,
        sessions: [
          { dayOffset: 33, start: '09:00', end: '16:15', place: 'RB4-201', lecturer: 'L-JANSONE' },
          { dayOffset: 34, start: '09:00', end: '16:15', place: 'RB4-201', lecturer: 'L-JANSONE' },
        ],
      },
    ],
  },
  {
    code: 'VAS-COM-103',
    topic: 'COM',
    titleLv: 'Krīzes komunikācija',
    titleEn: 'Crisis Communication',
    summaryLv: 'Kā iestādei sagatavoties krīzei un sazināties ar sabiedrību un medijiem, kad katra stunda ir svarīga.',
    summaryEn: 'How an institution prepares for a crisis and communicates with the public and the media when every hour counts.',
    descriptionLv:
      'Kursā dalībnieki iepazīst krīzes komunikācijas plāna uzbūvi, lomu sadalījumu un saskaņošanas kārtību starp iestādēm. Tiek analizēti Latvijas un ārvalstu krīžu piemēri un sabiedrības reakcija uz tiem.\n\nOtrajā nodarbībā dalībnieki piedalās krīzes simulācijā tiešsaistē, sagatavo paziņojumu presei un atbild uz žurnālistu jautājumiem.',
    descriptionEn:
      'Participants learn how a crisis communication plan is structured, how roles are divided and how messages are coordinated between institutions. Crises from Latvia and abroad and the public reaction to them are analysed.\n\nIn the second session participants take part in an online crisis simulation, prepare a press statement and answer questions from journalists.',
    targetAudienceLv: 'Komunikācijas nodaļu darbinieki un vadītāji, kuri iesaistīti krīžu vadībā.',
    targetAudienceEn: 'Communication staff and managers involved in crisis management.',
    language: 'LV',
    format: 'HYBRID',
    hours: 8,
    priceCents: 14000,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-COM-103-G1',
        status: 'PLANNED',
        minSize: 8,
        maxSize: 20,
        filled: 0,
        sessions: [
          { dayOffset: 88, start: '09:00', end: '12:15', place: 'RB4-305', lecturer: 'L-JANSONE' },
          { dayOffset: 90, start: '09:00', end: '12:15', onlineUrl: 'https://vas.zoom.us/j/84877301129', lecturer: 'L-JANSONE' },
        ],
      },
    ],
  },
  {
    code: 'VAS-COM-201',
    topic: 'COM',
    titleLv: 'Angļu valoda darbam ar Eiropas Savienības jautājumiem',
    titleEn: 'English for EU Affairs',
    summaryLv: 'Angļu valodas kurss B2 līmenī: sanāksmes, pozīciju formulēšana un rakstīšana ES darba grupām.',
    summaryEn: 'An English course at B2 level: meetings, formulating positions and writing for EU working parties.',
    descriptionLv:
      'Kurss paredzēts darbiniekiem, kuri piedalās ES Padomes darba grupās, komitoloģijas komitejās vai citos starptautiskos formātos. Nodarbībās tiek trenēta uzstāšanās sanāksmēs, grozījumu priekšlikumu formulēšana un īsu instrukciju rakstīšana.\n\nKurss notiek tiešsaistē piecās nodarbībās ar mājas darbiem starp tām. Pirms kursa dalībnieki aizpilda valodas līmeņa testu.',
    descriptionEn:
      'The course is designed for staff who take part in Council working parties, comitology committees or other international formats. Sessions train speaking at meetings, wording amendments and writing short instructions.\n\nThe course runs online in five sessions with homework in between. Participants take a placement test before the course starts.',
    targetAudienceLv: 'Darbinieki ar angļu valodas zināšanām vismaz B1 līmenī, kuri strādā ar ES jautājumiem.',
    targetAudienceEn: 'Staff with at least B1 English who work on EU affairs.',
    language: 'EN',
    format: 'ONLINE',
    hours: 20,
    priceCents: 16000,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-COM-201-G1',
        status: 'OPEN',
        minSize: 6,
        maxSize: 12,
        registrationDeadlineDayOffset: 10,
        filled: 8,
        sessions: [
          { dayOffset: 15, start: '13:00', end: '16:15', onlineUrl: 'https://vas.zoom.us/j/85561009874', lecturer: 'L-PETERSONE' },
          { dayOffset: 22, start: '13:00', end: '16:15', onlineUrl: 'https://vas.zoom.us/j/85561009874', lecturer: 'L-PETERSONE' },
          { dayOffset: 29, start: '13:00', end: '16:15', onlineUrl: 'https://vas.zoom.us/j/85561009874', lecturer: 'L-PETERSONE' },
          { dayOffset: 36, start: '13:00', end: '16:15', onlineUrl: 'https://vas.zoom.us/j/85561009874', lecturer: 'L-PETERSONE' },
          { dayOffset: 43, start: '13:00', end: '16:15', onlineUrl: 'https://vas.zoom.us/j/85561009874', lecturer: 'L-PETERSONE' },
        ],
      },
    ],
  },
  {
    code: 'VAS-COM-202',
    topic: 'COM',
    titleLv: 'Skaidrā valoda: kā rakstīt iedzīvotājiem saprotami',
    titleEn: 'Plain Language: Writing for Residents',
    summaryLv: 'Bezmaksas tiešsaistes apmācības par skaidrās valodas principiem tīmekļvietnēs, paziņojumos un lēmumos.',
    summaryEn: 'Free online training on plain language principles for websites, notices and decisions.',
    descriptionLv:
      'Mācības balstītas uz valsts pārvaldes skaidrās valodas vadlīnijām un Valsts valodas centra ieteikumiem. Dalībnieki mācās izvairīties no garām teikumu konstrukcijām, liekiem svešvārdiem un pasīvās izteiksmes.\n\nNodarbībā tiek pārrakstīti iestāžu tīmekļvietņu teksti un lēmumu fragmenti, salīdzinot tos pirms un pēc rediģēšanas.',
    descriptionEn:
      'The course is based on the public administration plain language guidelines and recommendations of the State Language Centre. Participants learn to avoid long sentence structures, unnecessary foreign words and the passive voice.\n\nDuring the session texts from institution websites and parts of decisions are rewritten and compared before and after editing.',
    targetAudienceLv: 'Tīmekļvietņu satura veidotāji, klientu apkalpošanas speciālisti un juristi.',
    targetAudienceEn: 'Website content editors, customer service specialists and lawyers.',
    language: 'LV',
    format: 'ONLINE',
    hours: 6,
    priceCents: 0,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-COM-202-G1',
        status: 'OPEN',
        minSize: 15,
        maxSize: 60,
        registrationDeadlineDayOffset: 19,
        filled: 24,
        sessions: [{ dayOffset: 26, start: '10:00', end: '16:00', onlineUrl: 'https://vas.zoom.us/j/86602214583', lecturer: 'L-JANSONE' }],
      },
    ],
  },
  {
    code: 'VAS-COM-203',
    topic: 'COM',
    titleLv: 'Latviešu valoda A2 līmenī (mācības krievu valodā)',
    titleEn: 'Latvian at A2 Level (taught in Russian)',
    summaryLv: 'Latviešu valodas apmācības iesācējiem, kuriem dzimtā valoda ir krievu; skaidrojumi krievu valodā. Kurss notiek Daugavpilī.',
    summaryEn: 'Latvian language training for beginners whose native language is Russian, with explanations in Russian. Held in Daugavpils.',
    descriptionLv:
      'Kurss palīdz sagatavoties valsts valodas prasmes pārbaudei A2 līmenī. Gramatika un vārdu krājums tiek skaidroti krievu valodā, bet praktiskie vingrinājumi notiek latviski.\n\nNodarbībās uzsvars likts uz ikdienas saziņu darbā: saruna ar apmeklētāju, telefona zvans, vienkāršas e-pasta vēstules rakstīšana. Starp nodarbībām dalībnieki pilda mājas darbus e-vidē.',
    descriptionEn:
      'The course helps participants prepare for the state language proficiency test at A2 level. Grammar and vocabulary are explained in Russian, while practical exercises are done in Latvian.\n\nThe sessions focus on everyday communication at work: talking to a visitor, a phone call, writing a simple e-mail. Between sessions participants do homework in the e-learning environment.',
    targetAudienceLv: 'Pašvaldību un valsts iestāžu darbinieki, kuriem jāuzlabo latviešu valodas prasme.',
    targetAudienceEn: 'Employees of local and central government bodies who need to improve their Latvian.',
    language: 'RU',
    format: 'IN_PERSON',
    hours: 40,
    priceCents: 12000,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-COM-203-G1',
        status: 'OPEN',
        minSize: 8,
        maxSize: 16,
        registrationDeadlineDayOffset: 21,
        filled: 11,
        sessions: [
          { dayOffset: 28, start: '09:00', end: '16:15', place: 'DAU-312', lecturer: 'L-PETERSONE' },
          { dayOffset: 35, start: '09:00', end: '16:15', place: 'DAU-312', lecturer: 'L-PETERSONE' },
          { dayOffset: 42, start: '09:00', end: '16:15', place: 'DAU-312', lecturer: 'L-PETERSONE' },
          { dayOffset: 49, start: '09:00', end: '16:15', place: 'DAU-312', lecturer: 'L-PETERSONE' },
          { dayOffset: 56, start: '09:00', end: '16:15', place: 'DAU-312', lecturer: 'L-PETERSONE' },
        ],
      },
    ],
  },
  {
    code: 'VAS-COM-204',
    topic: 'COM',
    titleLv: 'Latviešu valoda B1 līmenī profesionālai saziņai (mācības krievu valodā)',
    titleEn: 'Latvian at B1 Level for Professional Communication (taught in Russian)',
    summaryLv: 'Turpinājuma kurss tiem, kuri apguvuši A2 līmeni un vēlas brīvāk lietot latviešu valodu darba situācijās.',
    summaryEn: 'A follow-up course for those who have completed A2 and want to use Latvian more freely at work.',
    descriptionLv:
      'Kurss paplašina profesionālās saziņas vārdu krājumu un nostiprina sarežģītākas gramatikas konstrukcijas. Skaidrojumi tiek sniegti krievu valodā, bet nodarbību lielākā daļa notiek latviski.\n\nDalībnieki trenējas sagatavot dienesta vēstules, vadīt sarunu ar klientu un piedalīties sanāksmēs. Kurss noslēdzas ar izmēģinājuma eksāmenu.',
    descriptionEn:
      'The course expands vocabulary for professional communication and reinforces more complex grammar. Explanations are given in Russian, but most of the session time is spent in Latvian.\n\nParticipants practise writing official letters, handling conversations with clients and taking part in meetings. The course ends with a mock exam.',
    targetAudienceLv: 'Darbinieki ar latviešu valodas prasmi A2 līmenī.',
    targetAudienceEn: 'Employees with Latvian at A2 level.',
    language: 'RU',
    format: 'ONLINE',
    hours: 40,
    priceCents: 14000,
    visibility: 'PUBLIC',
    groups: [],
  },
  {
    code: 'VAS-COM-301',
    topic: 'COM',
    titleLv: 'Sociālie mediji iestādes komunikācijā',
    titleEn: 'Social Media in Institutional Communication',
    summaryLv: 'Satura plānošana, vizuālais noformējums un komentāru moderēšana iestādes sociālo mediju kontos.',
    summaryEn: 'Content planning, visual design and comment moderation on the social media accounts of an institution.',
    descriptionLv:
      'Kursā dalībnieki iepazīst sociālo mediju platformu atšķirības un auditorijas, kā arī satura kalendāra veidošanu. Tiek apskatīta īsu video un infografiku veidošana ar pieejamiem rīkiem.\n\nĪpaša uzmanība pievērsta rīcībai ar naidīgiem komentāriem un dezinformāciju, kā arī publikāciju pieejamībai cilvēkiem ar invaliditāti.',
    descriptionEn:
      'Participants learn how social media platforms and their audiences differ and how to build a content calendar. Creating short videos and infographics with readily available tools is also covered.\n\nParticular attention is paid to handling hostile comments and disinformation, and to making posts accessible to people with disabilities.',
    targetAudienceLv: 'Komunikācijas speciālisti un darbinieki, kuri uztur iestādes sociālo mediju kontus.',
    targetAudienceEn: 'Communication specialists and staff who run social media accounts of an institution.',
    language: 'LV',
    format: 'ONLINE',
    hours: 4,
    priceCents: 4500,
    visibility: 'PUBLIC',
    groups: [],
  },

  // Personāla vadība un personīgā efektivitāte
  {
    code: 'VAS-HR-101',
    topic: 'HR',
    titleLv: 'Laika plānošana un personīgā efektivitāte',
    titleEn: 'Time Management and Personal Effectiveness',
    summaryLv: 'Kā noteikt prioritātes, plānot darba dienu un mazināt traucējumus, strādājot ar lielu informācijas apjomu.',
    summaryEn: 'How to set priorities, plan the working day and reduce interruptions when dealing with large amounts of information.',
    descriptionLv:
      'Mācībās dalībnieki analizē savu laika izlietojumu un iepazīst prioritāšu noteikšanas metodes, piemēram, Eizenhauera matricu. Tiek apskatīta e-pasta un sanāksmju pārvaldība un koncentrēšanās laika plānošana.\n\nNoslēgumā katrs dalībnieks izveido savu nedēļas plānošanas sistēmu, ko var sākt izmantot jau nākamajā darba dienā.',
    descriptionEn:
      'Participants analyse how they spend their time and learn prioritisation methods such as the Eisenhower matrix. Managing e-mail and meetings and scheduling time for focused work are also covered.\n\nAt the end each participant sets up a weekly planning system that can be used from the very next working day.',
    targetAudienceLv: 'Jebkurš darbinieks, kurš vēlas strādāt mērķtiecīgāk un ar mazāku stresu.',
    targetAudienceEn: 'Any employee who wants to work with more focus and less stress.',
    language: 'LV',
    format: 'ONLINE',
    hours: 6,
    priceCents: 6900,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-HR-101-G1',
        status: 'COMPLETED',
        minSize: 10,
        maxSize: 30,
        registrationDeadlineDayOffset: -30,
        filled: 26,
        sessions: [{ dayOffset: -25, start: '10:00', end: '16:00', onlineUrl: 'https://vas.zoom.us/j/87120056643', lecturer: 'L-LIEPA' }],
      },
      {
        code: 'VAS-HR-101-G2',
        status: 'OPEN',
        minSize: 10,
        maxSize: 30,
        registrationDeadlineDayOffset: 40,
        filled: 8,
        sessions: [{ dayOffset: 50, start: '10:00', end: '16:00', onlineUrl: 'https://vas.zoom.us/j/87120058810', lecturer: 'L-LIEPA' }],
      },
    ],
  },
  {
    code: 'VAS-HR-102',
    topic: 'HR',
    titleLv: 'Stresa vadība un emocionālā noturība',
    titleEn: 'Stress Management and Resilience',
    summaryLv: 'Praktiskas metodes stresa atpazīšanai, izdegšanas novēršanai un emocionālās noturības stiprināšanai.',
    summaryEn: 'Practical methods for recognising stress, preventing burnout and building resilience.',
    descriptionLv:
      'Kursā dalībnieki uzzina, kā stress ietekmē ķermeni, domāšanu un attiecības darbā, un mācās atpazīt izdegšanas agrīnās pazīmes. Tiek apgūtas elpošanas, relaksācijas un domu pārstrukturēšanas tehnikas.\n\nOtrajā nodarbībā dalībnieki izveido personīgo noturības plānu un pārrunā, kā atbalstīt kolēģi, kurš piedzīvo ilgstošu spriedzi.',
    descriptionEn:
      'Participants learn how stress affects the body, thinking and relationships at work and how to recognise the early signs of burnout. Breathing, relaxation and cognitive reframing techniques are practised.\n\nIn the second session participants build a personal resilience plan and discuss how to support a colleague under prolonged pressure.',
    targetAudienceLv: 'Darbinieki, kuri strādā ar augstu slodzi vai saskarsmē ar klientiem.',
    targetAudienceEn: 'Staff with a heavy workload or in frequent contact with clients.',
    language: 'LV',
    format: 'IN_PERSON',
    hours: 8,
    priceCents: 11000,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-HR-102-G1',
        status: 'OPEN',
        minSize: 8,
        maxSize: 18,
        registrationDeadlineDayOffset: 4,
        filled: 18,
        sessions: [
          { dayOffset: 6, start: '09:00', end: '12:15', place: 'RB4-201', lecturer: 'L-LIEPA' },
          { dayOffset: 13, start: '09:00', end: '12:15', place: 'RB4-201', lecturer: 'L-LIEPA' },
        ],
      },
    ],
  },
  {
    code: 'VAS-HR-201',
    topic: 'HR',
    titleLv: 'Personāla atlase un strukturētas intervijas',
    titleEn: 'Recruitment and Structured Interviews',
    summaryLv: 'Kompetencēs balstīta atlase valsts pārvaldē: amata profila izstrāde, intervijas jautājumi un kandidātu vērtēšana.',
    summaryEn: 'Competency-based recruitment in public administration: job profiles, interview questions and assessing candidates.',
    descriptionLv:
      'Kursā tiek apskatīts viss atlases process no vakances apraksta līdz lēmumam par kandidātu. Dalībnieki apgūst kompetenču modeļa izmantošanu, uzvedības interviju jautājumu sagatavošanu un vērtēšanas skalu lietošanu.\n\nPraktiskajā daļā notiek interviju simulācijas ar novērotājiem. Tiek pārrunāta arī vienlīdzīgas attieksmes nodrošināšana un atlases dokumentēšana.',
    descriptionEn:
      'The course covers the whole recruitment process, from the vacancy notice to the decision on a candidate. Participants learn to use the competency framework, prepare behavioural interview questions and apply rating scales.\n\nThe practical part includes mock interviews with observers. Ensuring equal treatment and documenting the selection are also discussed.',
    targetAudienceLv: 'Personāla speciālisti un vadītāji, kuri piedalās atlases komisijās.',
    targetAudienceEn: 'HR specialists and managers who sit on selection panels.',
    language: 'LV',
    format: 'HYBRID',
    hours: 16,
    priceCents: 16000,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-HR-201-G1',
        status: 'OPEN',
        minSize: 8,
        maxSize: 20,
        registrationDeadlineDayOffset: 60,
        filled: 2,
        sessions: [],
      },
    ],
  },
  {
    code: 'VAS-HR-202',
    topic: 'HR',
    titleLv: 'Darba izpildes novērtēšana un atgriezeniskā saite',
    titleEn: 'Performance Appraisal and Feedback',
    summaryLv: 'Slēgtas mācības vadītājiem par ikgadējo novērtēšanas sarunu sagatavošanu un vadīšanu.',
    summaryEn: 'A closed course for managers on preparing and conducting annual appraisal interviews.',
    descriptionLv:
      'Mācības organizētas pēc pasūtītājiestādes pieprasījuma un pielāgotas tās novērtēšanas kārtībai. Dalībnieki apgūst, kā formulēt izmērāmus darba mērķus, objektīvi novērtēt kompetences un sniegt konstruktīvu atgriezenisko saiti.\n\nTiek trenētas arī sarežģītas sarunas, piemēram, ar darbinieku, kura darba rezultāti neatbilst prasībām.',
    descriptionEn:
      'The course is organised at the request of the commissioning institution and adapted to its appraisal procedure. Participants learn to set measurable objectives, assess competencies objectively and give constructive feedback.\n\nDifficult conversations are also practised, such as talking to an employee whose performance does not meet requirements.',
    targetAudienceLv: 'Pasūtītājiestādes vadītāji, kuri vada darbinieku novērtēšanas sarunas.',
    targetAudienceEn: 'Managers of the commissioning institution who conduct appraisal interviews.',
    language: 'LV',
    format: 'IN_PERSON',
    hours: 8,
    priceCents: 0,
    visibility: 'RESTRICTED',
    allowedInstitutions: ['RIGA'],
    groups: [
      {
        code: 'VAS-HR-202-G1',
        status: 'CONFIRMED',
        minSize: 10,
        maxSize: 25,
        registrationDeadlineDayOffset: 8,
        filled: 22,
        sessions: [{ dayOffset: 12, start: '09:00', end: '16:15', place: 'RB4-305', lecturer: 'L-LIEPA' }],
      },
    ],
  },
  {
    code: 'VAS-HR-203',
    topic: 'HR',
    titleLv: 'Jauno darbinieku ievadapmācība valsts pārvaldē',
    titleEn: 'Induction Training for New Civil Servants',
    summaryLv: 'Bezmaksas ievada apmācības jaunajiem kolēģiem: valsts dienesta pamati, ētika, drošība un karjeras iespējas.',
    summaryEn: 'Free induction training for new colleagues: civil service basics, ethics, security and career opportunities.',
    descriptionLv:
      'Ievadapmācība palīdz jaunajiem darbiniekiem pirmajos darba mēnešos izprast valsts pārvaldes darbības principus un savas tiesības un pienākumus. Pirmajā nodarbībā tiek skaidrota valsts pārvaldes iekārta un valsts dienesta tiesiskās attiecības.\n\nOtrajā nodarbībā tiek aplūkota valsts pārvaldes vērtību un ētikas kodeksa piemērošana, informācijas drošība un mācību iespējas Valsts administrācijas skolā. Dalībnieki saņem sertifikātu pēc testa nokārtošanas.',
    descriptionEn:
      'The induction course helps new employees understand, during their first months, how public administration works and what their rights and duties are. The first session explains the structure of public administration and civil service employment.\n\nThe second session covers the public service values and ethics code, information security and the learning opportunities at the School of Public Administration. Participants receive a certificate after passing a test.',
    targetAudienceLv: 'Darbinieki, kuri valsts pārvaldē strādā mazāk nekā sešus mēnešus.',
    targetAudienceEn: 'Employees who have worked in public administration for less than six months.',
    language: 'LV',
    format: 'ONLINE',
    hours: 8,
    priceCents: 0,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-HR-203-G1',
        status: 'COMPLETED',
        minSize: 10,
        maxSize: 50,
        registrationDeadlineDayOffset: -14,
        filled: 41,
        sessions: [
          { dayOffset: -10, start: '09:00', end: '12:15', onlineUrl: 'https://vas.zoom.us/j/88035521190', lecturer: 'L-VITOLA' },
          { dayOffset: -9, start: '09:00', end: '12:15', onlineUrl: 'https://vas.zoom.us/j/88035521190', lecturer: 'L-LIEPA' },
        ],
      },
      {
        code: 'VAS-HR-203-G2',
        status: 'OPEN',
        minSize: 10,
        maxSize: 50,
        registrationDeadlineDayOffset: 27,
        filled: 17,
        sessions: [
          { dayOffset: 31, start: '09:00', end: '12:15', onlineUrl: 'https://vas.zoom.us/j/88035524467', lecturer: 'L-VITOLA' },
          { dayOffset: 32, start: '09:00', end: '12:15', onlineUrl: 'https://vas.zoom.us/j/88035524467', lecturer: 'L-LIEPA' },
        ],
      },
    ],
  },
  {
    code: 'VAS-HR-301',
    topic: 'HR',
    titleLv: 'Sarunu vadīšana un konfliktu risināšana',
    titleEn: 'Negotiation and Conflict Resolution',
    summaryLv: 'Interešu balstītas sarunas un konfliktu risināšanas tehnikas darbā ar kolēģiem, partneriem un klientiem.',
    summaryEn: 'Interest-based negotiation and conflict resolution techniques for working with colleagues, partners and clients.',
    descriptionLv:
      'Kursā dalībnieki apgūst interešu balstītu sarunu metodi, sagatavošanos sarunām un alternatīvu izvērtēšanu. Tiek analizēti konfliktu veidi un uzvedības stratēģijas konfliktā.\n\nDalībnieki piedalās lomu spēlēs, kas balstītas uz starpiestāžu sadarbības un klientu apkalpošanas situācijām, un saņem atgriezenisko saiti no pasniedzēja un grupas.',
    descriptionEn:
      'Participants learn the interest-based negotiation method, how to prepare for a negotiation and how to weigh alternatives. Types of conflict and behavioural strategies in conflict are analysed.\n\nParticipants take part in role plays based on inter-institutional cooperation and customer service situations and receive feedback from the lecturer and the group.',
    targetAudienceLv: 'Vadītāji, projektu vadītāji un klientu apkalpošanas speciālisti.',
    targetAudienceEn: 'Managers, project managers and customer service specialists.',
    language: 'LV',
    format: 'IN_PERSON',
    hours: 16,
    priceCents: 18000,
    visibility: 'PUBLIC',
    groups: [],
  },

  // ES fondi un projektu vadība
  {
    code: 'VAS-EU-101',
    topic: 'EU',
    titleLv: 'ES fondu projektu sagatavošana',
    titleEn: 'Preparing EU Funds Projects',
    summaryLv: 'No projekta idejas līdz kvalitatīvam projekta iesniegumam Kohēzijas politikas fondu 2021.–2027. gada plānošanas periodā.',
    summaryEn: 'From a project idea to a high-quality application under the 2021–2027 Cohesion Policy funds.',
    descriptionLv:
      'Mācību pasākumā dalībnieki iepazīst Kohēzijas politikas programmas struktūru, specifiskos atbalsta mērķus un projektu atlases kārtību. Tiek apgūta problēmu un mērķu koka metode, rezultātu un rādītāju plānošana un projekta budžeta sagatavošana.\n\nPraktiskajā daļā dalībnieki aizpilda projekta iesnieguma veidlapu Kohēzijas politikas fondu vadības informācijas sistēmā un savstarpēji izvērtē iesniegumus pēc atlases kritērijiem.',
    descriptionEn:
      'Participants learn the structure of the Cohesion Policy programme, its specific objectives and the project selection procedure. They practise the problem and objective tree method, planning results and indicators, and drafting a project budget.\n\nIn the practical part participants fill in an application form in the Cohesion Policy funds management information system and peer-review applications against the selection criteria.',
    targetAudienceLv: 'Valsts un pašvaldību iestāžu projektu sagatavotāji un attīstības speciālisti.',
    targetAudienceEn: 'Project developers and development specialists in central and local government.',
    language: 'LV',
    format: 'IN_PERSON',
    hours: 16,
    priceCents: 16500,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-EU-101-G1',
        status: 'COMPLETED',
        minSize: 8,
        maxSize: 24,
        registrationDeadlineDayOffset: -58,
        filled: 20,
        sessions: [
          { dayOffset: -52, start: '09:00', end: '16:15', place: 'RB4-305', lecturer: 'L-OZOLS' },
          { dayOffset: -51, start: '09:00', end: '16:15', place: 'RB4-305', lecturer: 'L-OZOLS' },
        ],
      },
      {
        code: 'VAS-EU-101-G2',
        status: 'OPEN',
        minSize: 8,
        maxSize: 24,
        registrationDeadlineDayOffset: 25,
        filled: 10,
        sessions: [
          { dayOffset: 35, start: '09:00', end: '16:15', place: 'RB4-305', lecturer: 'L-OZOLS' },
          { dayOffset: 36, start: '09:00', end: '16:15', place: 'RB4-305', lecturer: 'L-OZOLS' },
        ],
      },
    ],
  },
  {
    code: 'VAS-EU-102',
    topic: 'EU',
    titleLv: 'ES fondu projektu īstenošana un uzraudzība',
    titleEn: 'Implementing and Monitoring EU-Funded Projects',
    summaryLv:
      'Apmācības projektu vadītājiem par maksājuma pieprasījumiem, izmaksu attiecināmību un pārbaužu kārtību. Mācības līdzfinansē Eiropas Sociālais fonds Plus.',
    summaryEn: 'Training for project managers on payment claims, eligibility of costs and the audit process. Co-financed by the European Social Fund Plus.',
    descriptionLv:
      'Kursā dalībnieki apgūst projektu īstenošanas posma prasības: līguma grozījumus, maksājuma pieprasījumu sagatavošanu, vienkāršoto izmaksu izmantošanu un publicitātes prasības. Tiek analizētas biežākās neatbilstības, ko konstatē sadarbības iestāde un Revīzijas iestāde.\n\nMācību pasākums tiek līdzfinansēts no Eiropas Sociālā fonda Plus, tāpēc valsts pārvaldes darbiniekiem dalība ir bez maksas. Pirmā diena notiek klātienē, otrā tiešsaistē.',
    descriptionEn:
      'Participants learn the requirements of the implementation stage: contract amendments, preparing payment claims, using simplified cost options and publicity rules. The most common irregularities found by the cooperation body and the Audit Authority are analysed.\n\nThe course is co-financed by the European Social Fund Plus, so it is free of charge for civil servants. The first day is held in the classroom and the second online.',
    targetAudienceLv: 'ES fondu projektu vadītāji, koordinatori un finanšu vadītāji.',
    targetAudienceEn: 'EU-funded project managers, coordinators and financial managers.',
    language: 'LV',
    format: 'HYBRID',
    hours: 16,
    priceCents: 0,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-EU-102-G1',
        status: 'CONFIRMED',
        minSize: 10,
        maxSize: 24,
        registrationDeadlineDayOffset: 3,
        filled: 24,
        sessions: [
          { dayOffset: 5, start: '09:00', end: '16:15', place: 'RB4-ZALE', lecturer: 'L-OZOLS' },
          { dayOffset: 6, start: '09:00', end: '16:15', onlineUrl: 'https://vas.zoom.us/j/81904456327', lecturer: 'L-OZOLS' },
        ],
      },
    ],
  },
  {
    code: 'VAS-EU-201',
    topic: 'EU',
    titleLv: 'Eiropas Savienības lēmumu pieņemšanas process',
    titleEn: 'The EU Decision-Making Process',
    summaryLv: 'Kā tiek pieņemti ES tiesību akti un kā Latvija var efektīvi ietekmēt to saturu.',
    summaryEn: 'How EU legislation is adopted and how Latvia can effectively influence its content.',
    descriptionLv:
      'Kursā tiek skaidrota Eiropas Komisijas, Eiropas Parlamenta un ES Padomes loma parastajā likumdošanas procedūrā. Dalībnieki iepazīst Latvijas nacionālo pozīciju sagatavošanas un saskaņošanas kārtību un Saeimas Eiropas lietu komisijas lomu.\n\nTiek apskatīti arī trialogi, deleģētie un īstenošanas akti, kā arī ES tiesību pārņemšana nacionālajos normatīvajos aktos.',
    descriptionEn:
      'The course explains the roles of the European Commission, the European Parliament and the Council in the ordinary legislative procedure. Participants learn how Latvian national positions are prepared and agreed, and the role of the European Affairs Committee of the Saeima.\n\nTrilogues, delegated and implementing acts, and the transposition of EU law into national legislation are also covered.',
    targetAudienceLv: 'Darbinieki, kuri gatavo nacionālās pozīcijas vai pārņem ES tiesību aktus.',
    targetAudienceEn: 'Staff who prepare national positions or transpose EU legislation.',
    language: 'LV',
    format: 'ONLINE',
    hours: 8,
    priceCents: 8000,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-EU-201-G1',
        status: 'OPEN',
        minSize: 10,
        maxSize: 40,
        registrationDeadlineDayOffset: 40,
        filled: 13,
        sessions: [
          { dayOffset: 47, start: '09:00', end: '12:15', onlineUrl: 'https://vas.zoom.us/j/82275590014', lecturer: 'L-OZOLS' },
          { dayOffset: 48, start: '09:00', end: '12:15', onlineUrl: 'https://vas.zoom.us/j/82275590014', lecturer: 'L-OZOLS' },
        ],
      },
    ],
  },
  {
    code: 'VAS-EU-202',
    topic: 'EU',
    titleLv: 'Sarunas ES Padomes darba grupās (angļu valodā)',
    titleEn: 'Negotiating in Council Working Parties',
    summaryLv: 'Praktiska sarunu darbnīca angļu valodā ar ES Padomes darba grupas simulāciju.',
    summaryEn: 'A practical negotiation workshop in English with a simulated Council working party.',
    descriptionLv:
      'Darbnīcā dalībnieki apgūst, kā sagatavot instrukciju, veidot koalīcijas ar citām dalībvalstīm un rīkoties, ja prezidentūra piedāvā kompromisu. Pirmajā dienā tiek analizēta Padomes darba kārtība un sarunu taktika.\n\nOtrajā dienā notiek pilna darba grupas sanāksmes simulācija, kurā katrs dalībnieks pārstāv kādu dalībvalsti. Darbnīca notiek angļu valodā.',
    descriptionEn:
      'Participants learn how to prepare instructions, build coalitions with other member states and respond when the Presidency tables a compromise. The first day analyses the rules of procedure of the Council and negotiation tactics.\n\nOn the second day there is a full simulation of a working party meeting in which each participant represents a member state. The workshop is held in English.',
    targetAudienceLv: 'Ministriju eksperti un atašeji, kuri pārstāv Latviju ES Padomes darba grupās.',
    targetAudienceEn: 'Ministry experts and attachés who represent Latvia in Council working parties.',
    language: 'EN',
    format: 'IN_PERSON',
    hours: 16,
    priceCents: 23000,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-EU-202-G1',
        status: 'OPEN',
        minSize: 8,
        maxSize: 16,
        registrationDeadlineDayOffset: 50,
        priceOverrideCents: 19500,
        filled: 6,
        sessions: [
          { dayOffset: 62, start: '09:00', end: '16:15', place: 'RB4-201', lecturer: 'L-OZOLS' },
          { dayOffset: 63, start: '09:00', end: '16:15', place: 'RB4-201', lecturer: 'L-PETERSONE' },
        ],
      },
    ],
  },
  {
    code: 'VAS-EU-203',
    topic: 'EU',
    titleLv: 'Komercdarbības atbalsta kontroles noteikumu piemērošana',
    titleEn: 'Applying State Aid Rules',
    summaryLv: 'Kā noteikt, vai publiskais finansējums ir komercdarbības atbalsts, un kā piemērot de minimis un grupu atbrīvojuma regulas.',
    summaryEn: 'How to determine whether public funding is State aid and how to apply the de minimis and block exemption regulations.',
    descriptionLv:
      'Kursā dalībnieki apgūst komercdarbības atbalsta pazīmes un to izvērtēšanu konkrētos gadījumos. Tiek skaidrota de minimis atbalsta uzskaite, Vispārējās grupu atbrīvojuma regulas piemērošana un paziņošanas procedūra Eiropas Komisijai.\n\nPiemēri balstīti uz ES fondu programmām un pašvaldību infrastruktūras projektiem.',
    descriptionEn:
      'Participants learn the criteria of State aid and how to assess them in specific cases. De minimis aid accounting, applying the General Block Exemption Regulation and the notification procedure to the European Commission are explained.\n\nThe examples are based on EU funds programmes and local government infrastructure projects.',
    targetAudienceLv: 'Atbalsta programmu izstrādātāji, ES fondu speciālisti un pašvaldību juristi.',
    targetAudienceEn: 'Developers of support schemes, EU funds specialists and local government lawyers.',
    language: 'LV',
    format: 'ONLINE',
    hours: 6,
    priceCents: 7500,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-EU-203-G1',
        status: 'CANCELLED',
        cancellationReason: 'Pieteicās pārāk maz dalībnieku.',
        minSize: 12,
        maxSize: 40,
        registrationDeadlineDayOffset: 2,
        filled: 5,
        sessions: [{ dayOffset: 9, start: '10:00', end: '16:00', onlineUrl: 'https://vas.zoom.us/j/83150672291', lecturer: 'L-OZOLS' }],
      },
    ],
  },
  {
    code: 'VAS-EU-301',
    topic: 'EU',
    titleLv: 'Projektu vadība: metodes un rīki',
    titleEn: 'Project Management: Methods and Tools',
    summaryLv: 'Projekta dzīves cikls, plānošana, risku vadība un komunikācija ar iesaistītajām pusēm.',
    summaryEn: 'The project life cycle, planning, risk management and stakeholder communication.',
    descriptionLv:
      'Kurss sniedz strukturētu pieeju projektu vadībai, balstoties uz starptautiski atzītām metodēm. Dalībnieki apgūst darba sadalījuma struktūru, laika grafika veidošanu, resursu plānošanu un risku reģistru.\n\nTiek salīdzināta tradicionālā un elastīgā (agile) pieeja un apspriests, kā tās piemērot valsts pārvaldes projektos. Kursa laikā dalībnieki izstrādā sava projekta plānu.',
    descriptionEn:
      'The course provides a structured approach to project management based on internationally recognised methods. Participants learn the work breakdown structure, scheduling, resource planning and the risk register.\n\nTraditional and agile approaches are compared, with a discussion of how to apply them in public administration projects. During the course participants develop a plan for their own project.',
    targetAudienceLv: 'Projektu vadītāji un darbinieki, kuri plāno uzsākt projektu vadību.',
    targetAudienceEn: 'Project managers and staff who are about to start managing projects.',
    language: 'LV',
    format: 'IN_PERSON',
    hours: 24,
    priceCents: 21000,
    visibility: 'PUBLIC',
    groups: [],
  },

  // Ētika, korupcijas novēršana un drošība
  {
    code: 'VAS-ETH-101',
    topic: 'ETH',
    titleLv: 'Valsts amatpersonu ētika un interešu konflikta novēršana',
    titleEn: 'Ethics and Conflict of Interest Prevention for Public Officials',
    summaryLv: 'Bezmaksas tiešsaistes mācības par interešu konflikta situācijām, amatu savienošanu un dāvanu pieņemšanas ierobežojumiem.',
    summaryEn: 'Free online training on conflict of interest situations, holding multiple positions and restrictions on accepting gifts.',
    descriptionLv:
      'Mācībās tiek skaidrotas likuma „Par interešu konflikta novēršanu valsts amatpersonu darbībā” prasības un Korupcijas novēršanas un apkarošanas biroja prakse. Dalībnieki analizē situācijas, kurās personiskās intereses var ietekmēt amata pienākumu izpildi.\n\nTiek pārrunāta arī valsts amatpersonu deklarāciju aizpildīšana un ētikas kodeksa loma iestādes kultūrā.',
    descriptionEn:
      'The course explains the requirements of the Law on Prevention of Conflict of Interest in Activities of Public Officials and the practice of the Corruption Prevention and Combating Bureau. Participants analyse situations in which personal interests may affect the performance of official duties.\n\nCompleting public official declarations and the role of the ethics code in institutional culture are also discussed.',
    targetAudienceLv: 'Valsts amatpersonas un darbinieki, kuri vēlas atsvaidzināt zināšanas par ētikas prasībām.',
    targetAudienceEn: 'Public officials and staff who want to refresh their knowledge of ethics requirements.',
    language: 'LV',
    format: 'ONLINE',
    hours: 4,
    priceCents: 0,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-ETH-101-G1',
        status: 'COMPLETED',
        minSize: 15,
        maxSize: 80,
        registrationDeadlineDayOffset: -18,
        filled: 67,
        sessions: [{ dayOffset: -15, start: '13:00', end: '16:15', onlineUrl: 'https://vas.zoom.us/j/84590012276', lecturer: 'L-KRUMINS' }],
      },
      {
        code: 'VAS-ETH-101-G2',
        status: 'OPEN',
        minSize: 15,
        maxSize: 80,
        registrationDeadlineDayOffset: 18,
        filled: 31,
        sessions: [{ dayOffset: 21, start: '13:00', end: '16:15', onlineUrl: 'https://vas.zoom.us/j/84590018841', lecturer: 'L-KRUMINS' }],
      },
    ],
  },
  {
    code: 'VAS-ETH-102',
    topic: 'ETH',
    titleLv: 'Korupcijas risku vadība iestādē',
    titleEn: 'Managing Corruption Risks in an Institution',
    summaryLv: 'Kā identificēt korupcijas riskus, izstrādāt pretkorupcijas pasākumu plānu un uzraudzīt tā izpildi.',
    summaryEn: 'How to identify corruption risks, draw up an anti-corruption action plan and monitor its implementation.',
    descriptionLv:
      'Kursā dalībnieki iepazīst iekšējās kontroles sistēmas pamatprasības korupcijas un interešu konflikta riska novēršanai. Tiek apgūta korupcijas risku identificēšana, novērtēšana un atbilstošu kontroles pasākumu izvēle.\n\nPraktiskajā daļā dalībnieki grupās izstrādā korupcijas risku karti kādam iestādes procesam, piemēram, atļauju izsniegšanai vai iepirkumiem.',
    descriptionEn:
      'Participants learn the basic requirements for an internal control system to prevent corruption and conflicts of interest. They practise identifying and assessing corruption risks and choosing appropriate controls.\n\nIn the practical part groups develop a corruption risk map for a process of an institution, such as issuing permits or procurement.',
    targetAudienceLv: 'Iestāžu vadītāji, iekšējās kontroles un pretkorupcijas jautājumu atbildīgie darbinieki.',
    targetAudienceEn: 'Heads of institutions and staff responsible for internal control and anti-corruption.',
    language: 'LV',
    format: 'IN_PERSON',
    hours: 8,
    priceCents: 12500,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-ETH-102-G1',
        status: 'CONFIRMED',
        minSize: 8,
        maxSize: 20,
        registrationDeadlineDayOffset: 9,
        filled: 15,
        sessions: [{ dayOffset: 16, start: '09:00', end: '16:15', place: 'RB4-305', lecturer: 'L-KRUMINS' }],
      },
    ],
  },
  {
    code: 'VAS-ETH-201',
    topic: 'ETH',
    titleLv: 'Informācijas un kiberdrošības pamati',
    titleEn: 'Information and Cyber Security Basics',
    summaryLv: 'Ikgadējās kiberdrošības apmācības darbiniekiem: pikšķerēšana, drošas paroles un rīcība incidenta gadījumā.',
    summaryEn: 'Annual cyber security training for staff: phishing, strong passwords and what to do in an incident.',
    descriptionLv:
      'Mācībās dalībnieki uzzina par aktuālākajiem kiberuzbrukumu veidiem, ar kuriem saskaras Latvijas valsts iestādes, un to atpazīšanu. Tiek demonstrēti reāli pikšķerēšanas e-pastu piemēri un skaidrota divfaktoru autentifikācijas nozīme.\n\nTiek pārrunāta arī drošība attālinātā darbā, ierobežotas pieejamības informācijas apstrāde un ziņošana par incidentiem CERT.LV.',
    descriptionEn:
      'Participants learn about the most common types of cyber attack faced by Latvian public bodies and how to recognise them. Real phishing e-mails are demonstrated and the importance of two-factor authentication is explained.\n\nSecurity when working remotely, handling restricted information and reporting incidents to CERT.LV are also discussed.',
    targetAudienceLv: 'Visi valsts pārvaldes darbinieki.',
    targetAudienceEn: 'All public administration employees.',
    language: 'LV',
    format: 'ONLINE',
    hours: 4,
    priceCents: 0,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-ETH-201-G1',
        status: 'OPEN',
        minSize: 20,
        maxSize: 100,
        registrationDeadlineDayOffset: 40,
        filled: 40,
        sessions: [{ dayOffset: 44, start: '09:00', end: '12:15', onlineUrl: 'https://vas.zoom.us/j/85512340098', lecturer: 'L-KRUMINS' }],
      },
    ],
  },
  {
    code: 'VAS-ETH-202',
    topic: 'ETH',
    titleLv: 'Noziedzīgi iegūtu līdzekļu legalizācijas novēršana',
    titleEn: 'Anti-Money Laundering and Counter-Terrorist Financing',
    summaryLv: 'Slēgtas mācības par aizdomīgu darījumu pazīmēm, klientu izpēti un ziņošanu Finanšu izlūkošanas dienestam.',
    summaryEn: 'A closed course on signs of suspicious transactions, customer due diligence and reporting to the Financial Intelligence Unit.',
    descriptionLv:
      'Kursā tiek skaidrots Noziedzīgi iegūtu līdzekļu legalizācijas un terorisma un proliferācijas finansēšanas novēršanas likums un uzraudzības iestāžu pienākumi. Dalībnieki analizē tipoloģijas un reālus gadījumus, kas saistīti ar nodokļu noziegumiem un finanšu sektoru.\n\nOtrajā dienā tiek apskatītas starptautiskās un nacionālās sankcijas un to izpildes kontrole. Mācības paredzētas tikai programmā iesaistīto iestāžu darbiniekiem.',
    descriptionEn:
      'The course explains the Law on the Prevention of Money Laundering and Terrorism and Proliferation Financing and the duties of supervisory authorities. Participants analyse typologies and real cases linked to tax crimes and the financial sector.\n\nThe second day covers international and national sanctions and their enforcement. The course is open only to staff of the participating institutions.',
    targetAudienceLv: 'Uzraudzības un kontroles iestāžu darbinieki, kuri strādā ar finanšu noziegumu novēršanu.',
    targetAudienceEn: 'Staff of supervisory and control authorities working on the prevention of financial crime.',
    language: 'LV',
    format: 'IN_PERSON',
    hours: 16,
    priceCents: 19000,
    visibility: 'RESTRICTED',
    allowedInstitutions: ['VID', 'LB'],
    groups: [
      {
        code: 'VAS-ETH-202-G1',
        status: 'OPEN',
        minSize: 8,
        maxSize: 20,
        registrationDeadlineDayOffset: 19,
        filled: 20,
        sessions: [
          { dayOffset: 26, start: '09:00', end: '16:15', place: 'RB4-ZALE', lecturer: 'L-SMITS' },
          { dayOffset: 27, start: '09:00', end: '16:15', place: 'RB4-ZALE', lecturer: 'L-KRUMINS' },
        ],
      },
    ],
  },
  {
    code: 'VAS-ETH-203',
    topic: 'ETH',
    titleLv: 'Trauksmes celšana un trauksmes cēlēju aizsardzība',
    titleEn: 'Whistleblowing and Whistleblower Protection',
    summaryLv: 'Kā iestādē izveidot iekšējo trauksmes celšanas sistēmu un nodrošināt trauksmes cēlēja aizsardzību.',
    summaryEn: 'How to set up an internal whistleblowing system and ensure the protection of whistleblowers.',
    descriptionLv:
      'Kursā tiek skaidrotas Trauksmes celšanas likuma prasības un iestādes pienākumi, saņemot trauksmes cēlēja ziņojumu. Dalībnieki apgūst ziņojumu izvērtēšanas kārtību, konfidencialitātes nodrošināšanu un atbildes sniegšanas termiņus.\n\nTiek pārrunāti arī gadījumi, kad ziņojums jāpārsūta kompetentajai institūcijai.',
    descriptionEn:
      'The course explains the requirements of the Whistleblowing Law and the duties of an institution on receiving a report. Participants learn how reports are assessed, how confidentiality is ensured and the time limits for replying.\n\nCases in which a report must be forwarded to the competent authority are also discussed.',
    targetAudienceLv: 'Par trauksmes celšanas sistēmu atbildīgie darbinieki un personāla speciālisti.',
    targetAudienceEn: 'Staff responsible for the whistleblowing system and HR specialists.',
    language: 'LV',
    format: 'ONLINE',
    hours: 4,
    priceCents: 4900,
    visibility: 'PUBLIC',
    groups: [],
  },
  {
    code: 'VAS-ETH-301',
    topic: 'ETH',
    titleLv: 'Civilā aizsardzība un rīcība ārkārtas situācijās',
    titleEn: 'Civil Protection and Emergency Preparedness',
    summaryLv: 'Iestādes civilās aizsardzības plāns, darbības nepārtrauktība un darbinieku rīcība ārkārtas situācijās.',
    summaryEn: 'The civil protection plan of an institution, business continuity and how staff should act in an emergency.',
    descriptionLv:
      'Mācībās tiek skaidrotas Civilās aizsardzības un katastrofas pārvaldīšanas likuma prasības valsts un pašvaldību iestādēm. Dalībnieki apgūst darbības nepārtrauktības plānošanas pamatus un iestādes kritisko funkciju noteikšanu.\n\nTiek pārrunāta arī iedzīvotāju apziņošana, evakuācijas organizēšana un sadarbība ar Valsts ugunsdzēsības un glābšanas dienestu. Mācībām var pieslēgties arī tiešsaistē.',
    descriptionEn:
      'The course explains the requirements of the Civil Protection and Disaster Management Law for central and local government bodies. Participants learn the basics of business continuity planning and how to identify critical functions of an institution.\n\nPublic warning, organising evacuation and cooperation with the State Fire and Rescue Service are also discussed. Participants can also join online.',
    targetAudienceLv: 'Civilās aizsardzības un darba aizsardzības speciālisti, kā arī iestāžu vadītāji.',
    targetAudienceEn: 'Civil protection and occupational safety specialists and heads of institutions.',
    language: 'LV',
    format: 'HYBRID',
    hours: 6,
    priceCents: 0,
    visibility: 'PUBLIC',
    groups: [
      {
        code: 'VAS-ETH-301-G1',
        status: 'OPEN',
        minSize: 10,
        maxSize: 30,
        registrationDeadlineDayOffset: 50,
        filled: 4,
        sessions: [{ dayOffset: 58, start: '10:00', end: '16:00', place: 'RB4-ZALE', onlineUrl: 'https://vas.zoom.us/j/86003318825', lecturer: 'L-KRUMINS' }],
      },
    ],
  },
];

export const participantNames: { givenName: string; familyName: string }[] = [
  { givenName: 'Kristīne', familyName: 'Ozola' },
  { givenName: 'Aigars', familyName: 'Bērziņš' },
  { givenName: 'Evija', familyName: 'Jansone' },
  { givenName: 'Normunds', familyName: 'Liepiņš' },
  { givenName: 'Sanita', familyName: 'Kalniņa' },
  { givenName: 'Guntis', familyName: 'Balodis' },
  { givenName: 'Marta', familyName: 'Zariņa' },
  { givenName: 'Artūrs', familyName: 'Pētersons' },
  { givenName: 'Elīna', familyName: 'Vītola' },
  { givenName: 'Uldis', familyName: 'Kļaviņš' },
  { givenName: 'Santa', familyName: 'Eglīte' },
  { givenName: 'Valdis', familyName: 'Siliņš' },
  { givenName: 'Madara', familyName: 'Ozoliņa' },
  { givenName: 'Dāvis', familyName: 'Lācis' },
  { givenName: 'Baiba', familyName: 'Kazaka' },
  { givenName: 'Rihards', familyName: 'Grīnbergs' },
  { givenName: 'Gunta', familyName: 'Sproģe' },
  { givenName: 'Kristaps', familyName: 'Rozītis' },
  { givenName: 'Aija', familyName: 'Kalēja' },
  { givenName: 'Toms', familyName: 'Upītis' },
  { givenName: 'Ināra', familyName: 'Lūse' },
  { givenName: 'Ēriks', familyName: 'Avotiņš' },
  { givenName: 'Jolanta', familyName: 'Strautiņa' },
  { givenName: 'Arvis', familyName: 'Skujiņš' },
  { givenName: 'Sarmīte', familyName: 'Lapiņa' },
  { givenName: 'Ivars', familyName: 'Puriņš' },
  { givenName: 'Dzintra', familyName: 'Freimane' },
  { givenName: 'Juris', familyName: 'Kārkliņš' },
  { givenName: 'Anete', familyName: 'Krūmiņa' },
  { givenName: 'Oskars', familyName: 'Ozols' },
  { givenName: 'Alise', familyName: 'Balode' },
  { givenName: 'Reinis', familyName: 'Zariņš' },
  { givenName: 'Elza', familyName: 'Pētersone' },
  { givenName: 'Edvīns', familyName: 'Vītols' },
  { givenName: 'Katrīna', familyName: 'Kļaviņa' },
  { givenName: 'Pēteris', familyName: 'Eglītis' },
  { givenName: 'Rūta', familyName: 'Siliņa' },
  { givenName: 'Māris', familyName: 'Ozoliņš' },
  { givenName: 'Signe', familyName: 'Lāce' },
  { givenName: 'Andrejs', familyName: 'Ivanovs' },
  { givenName: 'Vija', familyName: 'Grīnberga' },
  { givenName: 'Sergejs', familyName: 'Kuzņecovs' },
  { givenName: 'Jeļena', familyName: 'Petrova' },
  { givenName: 'Aleksandrs', familyName: 'Smirnovs' },
  { givenName: 'Olga', familyName: 'Vasiļjeva' },
  { givenName: 'Edgars', familyName: 'Kalējs' },
  { givenName: 'Agita', familyName: 'Upīte' },
  { givenName: 'Raitis', familyName: 'Lūsis' },
  { givenName: 'Ilona', familyName: 'Avotiņa' },
  { givenName: 'Gints', familyName: 'Strautiņš' },
  { givenName: 'Diāna', familyName: 'Skujiņa' },
  { givenName: 'Mārcis', familyName: 'Lapiņš' },
  { givenName: 'Linda', familyName: 'Puriņa' },
  { givenName: 'Armands', familyName: 'Freimanis' },
  { givenName: 'Inga', familyName: 'Kārkliņa' },
  { givenName: 'Renārs', familyName: 'Sproģis' },
  { givenName: 'Daiga', familyName: 'Rozīte' },
  { givenName: 'Kaspars', familyName: 'Kazaks' },
  { givenName: 'Liene', familyName: 'Ivanova' },
  { givenName: 'Viesturs', familyName: 'Jansons' },
];

export interface DemoEuProject {
  code: string;
  nameLv: string;
  nameEn: string;
  fund: 'ESF+' | 'ERAF' | 'CF' | 'RRF';
  startsOn: string;
  endsOn: string;
  indicators: { code: string; nameLv: string; nameEn: string; target: number }[];
  /** Courses in the project: their groups inherit it. */
  courses: string[];
  /** Groups of other courses that name the project themselves. */
  groups: string[];
}

/**
 * An ESF+ project (R-FIN-2): its groups' generated participants get indicator answers, but every
 * seventh, as if a coordinator had registered them and they had not answered yet.
 */
export const euProjects: DemoEuProject[] = [
  {
    code: '4.2.1.1/23/ESF+/001',
    nameLv: 'Valsts pārvaldes profesionālā pilnveide',
    nameEn: 'Professional development of the public administration',
    fund: 'ESF+',
    startsOn: '2024-01-01',
    endsOn: '2029-12-31',
    indicators: [
      { code: 'EECO01', nameLv: 'Dalībnieku skaits kopā', nameEn: 'Total number of participants', target: 400 },
      { code: 'EECO05', nameLv: 'Nodarbinātie, tostarp pašnodarbinātie', nameEn: 'Employed, including self-employed', target: 380 },
      { code: 'EECO07', nameLv: 'Dalībnieki, jaunāki par 30 gadiem', nameEn: 'Participants below 30 years of age', target: 60 },
      { code: 'EECO08', nameLv: 'Dalībnieki 55 gadu vecumā un vecāki', nameEn: 'Participants 55 years of age and above', target: 80 },
      { code: 'EECO11', nameLv: 'Ar augstāko izglītību (ISCED 5–8)', nameEn: 'With tertiary education (ISCED 5-8)', target: 300 },
      { code: 'EECO12', nameLv: 'Dalībnieki ar invaliditāti', nameEn: 'Participants with disabilities', target: 10 },
    ],
    courses: ['VAS-COM-102', 'VAS-DIG-201'],
    groups: ['VAS-DIG-202-G1'],
  },
];

export interface DemoMaterial {
  course: string;
  group?: string;
  visibility: 'PUBLIC' | 'PARTICIPANTS';
  titleLv: string;
  titleEn: string;
  descriptionLv?: string;
  descriptionEn?: string;
  url?: string;
  /** A small text file stored in the file storage. */
  file?: { name: string; text: string };
}

/** Course materials (R-CAT-5): Līga Kalniņa took part in VAS-LAW-101-G1, so she sees all of these. */
export const materials: DemoMaterial[] = [
  {
    course: 'VAS-LAW-101',
    visibility: 'PUBLIC',
    titleLv: 'Valsts pārvaldes iekārtas likums',
    titleEn: 'State Administration Structure Law',
    descriptionLv: 'Likuma spēkā esošā redakcija portālā likumi.lv.',
    descriptionEn: 'The law in force, on likumi.lv (in Latvian).',
    url: 'https://likumi.lv/ta/id/63545',
  },
  {
    course: 'VAS-LAW-101',
    visibility: 'PARTICIPANTS',
    titleLv: 'Administratīvā procesa likums: komentāri',
    titleEn: 'Administrative Procedure Law: commentary',
    url: 'https://likumi.lv/ta/id/55567',
  },
  {
    course: 'VAS-LAW-101',
    group: 'VAS-LAW-101-G1',
    visibility: 'PARTICIPANTS',
    titleLv: 'Nodarbību konspekts',
    titleEn: 'Session notes',
    descriptionLv: 'Galvenās tēzes un uzdevumi pēc nodarbībām.',
    descriptionEn: 'Key points and exercises after the sessions.',
    file: {
      name: 'nodarbibu-konspekts.txt',
      text: [
        'Valsts pārvaldes tiesiskie pamati — nodarbību konspekts',
        '',
        '1. Valsts pārvaldes principi: likumība, lietderība, atklātība.',
        '2. Padotības formas: pakļautība un pārraudzība.',
        '3. Administratīvais akts: izdošana, apstrīdēšana, pārsūdzēšana.',
        '',
        'Uzdevums: izvērtējiet vienu savas iestādes lēmumu pēc Administratīvā procesa likuma 66. panta.',
        '',
      ].join('\n'),
    },
  },
  {
    course: 'VAS-LEAD-101',
    visibility: 'PUBLIC',
    titleLv: 'Ieteicamā literatūra',
    titleEn: 'Recommended reading',
    url: 'https://www.vas.gov.lv/',
  },
];

export interface DemoKnowledgeTest {
  titleLv: string;
  titleEn: string;
  instructionsLv: string;
  instructionsEn: string;
  passPercent: number;
  attemptsAllowed: number;
  timeLimitMinutes: number | null;
  questions: {
    id: string;
    kind: 'SINGLE' | 'MULTIPLE';
    textLv: string;
    textEn: string;
    points: number;
    options: { id: string; textLv: string; textEn: string; correct: boolean }[];
  }[];
  /** Its confirmed participants are invited (no e-mails from the seed). */
  invitedGroup: string;
}

/** A published test Līga Kalniņa is invited to, so `npm start` shows "Mani testi". */
export const knowledgeTests: DemoKnowledgeTest[] = [
  {
    titleLv: 'Vadītāja pamatzināšanas',
    titleEn: 'Basics of leadership',
    instructionsLv: 'Atbildiet uz visiem jautājumiem. Atbildes tiek saglabātas, kamēr atbildat; iesniedziet testu, kad esat gatavs.',
    instructionsEn: 'Answer every question. Your answers are saved as you go; submit the test when you are ready.',
    passPercent: 60,
    attemptsAllowed: 2,
    timeLimitMinutes: 15,
    invitedGroup: 'VAS-LEAD-101-G2',
    questions: [
      {
        id: 'feedback',
        kind: 'SINGLE',
        textLv: 'Kad visnoderīgāk sniegt atgriezenisko saiti darbiniekam?',
        textEn: 'When is feedback to an employee most useful?',
        points: 2,
        options: [
          { id: 'soon', textLv: 'Drīz pēc notikuma', textEn: 'Soon after the event', correct: true },
          { id: 'yearly', textLv: 'Ikgadējā novērtēšanā', textEn: 'At the yearly review', correct: false },
          { id: 'never', textLv: 'Tikai tad, ja darbinieks lūdz', textEn: 'Only when asked', correct: false },
        ],
      },
      {
        id: 'delegation',
        kind: 'MULTIPLE',
        textLv: 'Kas jāvienojas, deleģējot uzdevumu?',
        textEn: 'What must be agreed when delegating a task?',
        points: 3,
        options: [
          { id: 'result', textLv: 'Sagaidāmais rezultāts', textEn: 'The expected result', correct: true },
          { id: 'deadline', textLv: 'Termiņš', textEn: 'The deadline', correct: true },
          { id: 'every-step', textLv: 'Katrs darba solis', textEn: 'Every step of the work', correct: false },
        ],
      },
      {
        id: 'meeting',
        kind: 'SINGLE',
        textLv: 'Kas sanāksmei jāizsūta iepriekš?',
        textEn: 'What should be sent out before a meeting?',
        points: 1,
        options: [
          { id: 'agenda', textLv: 'Darba kārtība', textEn: 'The agenda', correct: true },
          { id: 'minutes', textLv: 'Protokols', textEn: 'The minutes', correct: false },
        ],
      },
    ],
  },
];
