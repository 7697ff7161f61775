// The in-memory form of one year of seed data: what the CSV files hold, before they are written.
import type { Post, TownshipClass } from './catalogue.ts';

/** One cadre's inputs in one year (a row of records/{year}.csv). Scores are 0–100 with one decimal. */
export interface CadreRecord {
  readonly id: string;
  readonly post: Post;
  readonly title: string;
  readonly principal: boolean;
  /** 地区: county-level area or 市直. */
  readonly area: string;
  /** 班子: the ranking group. */
  readonly team: string;
  /** 所在单位: the 优秀 quota pool. */
  readonly unit: string;
  /** 所在乡镇: the township id, for township cadres. */
  readonly township?: string;
  readonly months: number;
  /** 综合考核: the city's comprehensive assessment of the unit (not for township cadres: their township's result is used). */
  comprehensive?: number;
  commitment: number;
  keyTask: number;
  democratic: number;
  leaderComment: number;
  unitEval: number;
  /** 目标完成率 in percent points (103.5 means 103.5%). */
  completion: number;
  seconded: boolean;
  punished: boolean;
  /** 能 of leaders and department staff: 履职尽责, 年度目标 (+ 交办任务, 党风廉政 for leaders). */
  duty?: number;
  targets?: number;
  assigned?: number;
  integrity?: number;
  /** 能 of township cadres: 共性指标, 特色指标. */
  common?: number;
  characteristic?: number;
}

/** A 效 event (events/{year}.csv); `points` empty means the catalogue's points. */
export interface EventRow {
  readonly id: string;
  readonly date: string;
  readonly situation: string;
  readonly points?: number;
}

/** A finding on one 德 item (moral/{year}.csv): points deducted from its class. */
export interface MoralRow {
  readonly id: string;
  readonly item: string;
  readonly deduction: number;
  readonly fact?: string;
}

/** A deduction found by an on-site monthly inspection (inspections/{year}.csv). */
export interface InspectionRow {
  readonly id: string;
  readonly month: number;
  readonly deduction: number;
  readonly reason?: string;
}

/** One township's assessment inputs in one year (township-records/{year}.csv). */
export interface TownshipRecord {
  readonly id: string;
  readonly cls: TownshipClass;
  readonly area: string;
  /** Common indicators by name (经济发展 …), each up to its maximum. */
  readonly common: Record<string, number>;
  /** Characteristic indicators of the township's class, by name (0–100). */
  readonly characteristic: Record<string, number>;
  readonly satisfaction: number;
  readonly bonus: number;
}

/** A veto item found in a township (vetoes/{year}.csv). */
export interface VetoRow {
  readonly id: string;
  readonly type: string;
  readonly note?: string;
}

export interface YearInputs {
  readonly year: number;
  readonly cadres: CadreRecord[];
  readonly events: EventRow[];
  readonly moral: MoralRow[];
  readonly inspections: InspectionRow[];
  readonly townships: TownshipRecord[];
  readonly vetoes: VetoRow[];
}
