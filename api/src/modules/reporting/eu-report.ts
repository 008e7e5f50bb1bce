import { AgeBand, EducationLevel, EmploymentStatus, type EuProject, type RegistrationIndicatorData } from './project.entity.js';
import type { EuIndicatorCount, EuProjectReport, EuReportGroupRow } from './projects.types.js';

type Answers = Pick<
  RegistrationIndicatorData,
  'ageBand' | 'employmentStatus' | 'educationLevel' | 'disability' | 'thirdCountryNational' | 'foreignBackground' | 'minority' | 'homeless' | 'rural'
>;

/**
 * The ESF+ common output indicators (Regulation (EU) 2021/1057, Annex I) this system counts, each
 * from a participant's snapshot. EECO01 counts every confirmed participant, with or without data.
 */
export const COUNTED_INDICATORS: Record<string, (answers: Answers | null) => boolean> = {
  EECO01: () => true,
  EECO02: (a) => a?.employmentStatus === EmploymentStatus.UNEMPLOYED || a?.employmentStatus === EmploymentStatus.LONG_TERM_UNEMPLOYED,
  EECO03: (a) => a?.employmentStatus === EmploymentStatus.LONG_TERM_UNEMPLOYED,
  EECO04: (a) => a?.employmentStatus === EmploymentStatus.INACTIVE,
  EECO05: (a) => a?.employmentStatus === EmploymentStatus.EMPLOYED || a?.employmentStatus === EmploymentStatus.SELF_EMPLOYED,
  EECO07: (a) => a?.ageBand === AgeBand.UNDER_30,
  EECO08: (a) => a?.ageBand === AgeBand.FROM_55,
  EECO09: (a) => a?.educationLevel === EducationLevel.ISCED_0_2,
  EECO10: (a) => a?.educationLevel === EducationLevel.ISCED_3_4,
  EECO11: (a) => a?.educationLevel === EducationLevel.ISCED_5_8,
  EECO12: (a) => a?.disability === true,
  EECO13: (a) => a?.thirdCountryNational === true,
  EECO14: (a) => a?.foreignBackground === true,
  EECO15: (a) => a?.minority === true,
  EECO16: (a) => a?.homeless === true,
  EECO17: (a) => a?.rural === true,
};

const CODES = Object.keys(COUNTED_INDICATORS);

/** One confirmed participant of a group, as the report needs them. */
export interface ReportParticipant {
  attendedHours: number;
  /** The completion rule was met (null or false: not, or not yet). */
  completed: boolean;
  answers: Answers | null;
}

export interface ReportGroup {
  groupId: string;
  groupCode: string;
  courseCode: string;
  courseTitle: string;
  startsOn: string;
  endsOn: string;
  plannedHours: number;
  participants: ReportParticipant[];
}

/** Hours to one decimal, without floating-point dust (0.1 + 0.2). */
const hours = (value: number) => Math.round(value * 10) / 10;

function countIndicators(participants: readonly ReportParticipant[]): EuIndicatorCount[] {
  return CODES.map((code) => ({ code, count: participants.filter((p) => COUNTED_INDICATORS[code](p.answers)).length }));
}

export function groupRow(group: ReportGroup): EuReportGroupRow {
  const { participants } = group;
  return {
    groupId: group.groupId,
    groupCode: group.groupCode,
    courseCode: group.courseCode,
    courseTitle: group.courseTitle,
    startsOn: group.startsOn,
    endsOn: group.endsOn,
    participants: participants.length,
    plannedHours: hours(group.plannedHours),
    attendedHours: hours(participants.reduce((sum, p) => sum + p.attendedHours, 0)),
    completions: participants.filter((p) => p.completed).length,
    withIndicatorData: participants.filter((p) => p.answers).length,
    indicators: countIndicators(participants),
  };
}

/** Rows per group, their totals, and the project's indicators against their targets. */
export function buildReport(project: EuProject, from: string, to: string, groups: readonly ReportGroup[]): EuProjectReport {
  const rows = groups.map(groupRow);
  const sum = (pick: (row: EuReportGroupRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const participants = sum((row) => row.participants);
  const withIndicatorData = sum((row) => row.withIndicatorData);
  const indicators = CODES.map((code) => ({ code, count: sum((row) => row.indicators.find((i) => i.code === code)!.count) }));
  const countOf = new Map(indicators.map((i) => [i.code, i.count]));
  return {
    project,
    from,
    to,
    groups: rows,
    totals: {
      groups: rows.length,
      participants,
      plannedHours: hours(sum((row) => row.plannedHours)),
      attendedHours: hours(sum((row) => row.attendedHours)),
      completions: sum((row) => row.completions),
      withIndicatorData,
      indicatorDataShare: participants > 0 ? Math.round((withIndicatorData / participants) * 1000) / 1000 : 0,
      indicators,
    },
    indicators: project.indicators.map((indicator) => ({
      code: indicator.code,
      nameLv: indicator.nameLv,
      nameEn: indicator.nameEn,
      target: indicator.target,
      count: countOf.get(indicator.code) ?? null,
    })),
  };
}
