// The policy catalogues the data is drawn from: the 36 items of 德, the 38 situations of 效, veto items
// and township indicators. They must agree with rules/2013.kp; a test compares them with the checked rules.

/** The four classes of 德 and their 36 items (政治品德 10, 职业道德 10, 社会公德 8, 家庭美德 8). */
export const MORAL_CLASSES: readonly { readonly name: string; readonly weight: number; readonly items: readonly string[] }[] = [
  {
    name: '政治品德',
    weight: 0.4,
    items: ['理想信念', '政治立场', '政治纪律', '政治规矩', '执行决策', '大局意识', '担当精神', '宗旨意识', '群众观念', '组织观念'],
  },
  {
    name: '职业道德',
    weight: 0.3,
    items: ['爱岗敬业', '克己奉公', '廉洁自律', '秉公用权', '求真务实', '勤勉尽责', '改革创新', '依法办事', '团结协作', '严守秘密'],
  },
  {
    name: '社会公德',
    weight: 0.15,
    items: ['文明礼貌', '遵纪守法', '诚实守信', '助人为乐', '爱护公物', '保护环境', '参加社区活动', '热心公益'],
  },
  {
    name: '家庭美德',
    weight: 0.15,
    items: ['孝敬父母', '夫妻和睦', '教育子女', '邻里团结', '勤俭持家', '家风端正', '管好亲属', '交往圈子'],
  },
];

/** One situation of 效: a negative score when it occurs. */
export interface Situation {
  readonly name: string;
  readonly points: number;
  readonly aspect: string;
}

/** The 10 aspects of 效 and their 38 situations, with the catalogue's points. */
export const SITUATIONS: readonly Situation[] = ([
  ['执行重大决策', [['决策执行不力', -4], ['政令不畅', -3], ['搞变通打折扣', -4], ['重大决策延误', -5]]],
  ['处理应急事件', [['应急处置不力', -5], ['迟报漏报瞒报', -6], ['擅离职守', -5], ['应急预案不落实', -2]]],
  ['履行工作职责', [['履职不到位', -3], ['推诿扯皮', -4], ['敷衍塞责', -3], ['工作失职', -5]]],
  ['推进重点工作', [['推进工作不力', -3], ['推进重点项目不力', -4], ['未按期完成任务', -3], ['重点任务滞后', -2]]],
  ['敢于担当', [['不敢担当', -5], ['回避矛盾', -4], ['遇事推诿', -3], ['不作为', -6]]],
  ['服务群众', [['门难进脸难看', -2], ['办事拖拉', -2], ['侵害群众利益', -6], ['群众满意度低', -2]]],
  ['信访维稳', [['信访处置不当', -3], ['越级上访失控', -4], ['矛盾化解不力', -3], ['引发群体事件', -8]]],
  ['依法行政', [['违规决策', -5], ['执法不规范', -3], ['行政诉讼败诉', -2], ['违规审批', -5]]],
  ['工作作风', [['文山会海', -1], ['弄虚作假', -6], ['会风会纪差', -1]]],
  ['廉洁自律', [['违反八项规定', -6], ['公款吃喝', -5], ['收受礼品礼金', -6]]],
] as const).flatMap(([aspect, list]) => list.map(([name, points]) => ({ name, points, aspect })));

export function situationPoints(name: string): number {
  const s = SITUATIONS.find(x => x.name === name);
  if (!s) throw new Error(`unknown situation ${name}`);
  return s.points;
}

/** Situations that block 优秀 from 2014 (不担当、不作为). */
export const NO_HONOUR_SITUATIONS: readonly string[] = ['不敢担当', '不作为', '推诿扯皮'];

/** Veto items of the township assessment (一票否决). */
export const VETO_TYPES: readonly string[] = ['安全生产', '信访稳定', '生态环境', '计划生育', '党风廉政'];

export type TownshipClass = '经济型' | '生态型' | '复合型';
export const TOWNSHIP_CLASSES: readonly TownshipClass[] = ['经济型', '生态型', '复合型'];

/** The common indicators of the township frame (40 points in all) with their maxima. */
export const COMMON_INDICATORS: readonly { readonly name: string; readonly max: number }[] = [
  { name: '经济发展', max: 10 },
  { name: '社会管理', max: 8 },
  { name: '文化建设', max: 6 },
  { name: '生态环境', max: 8 },
  { name: '党的建设', max: 8 },
];

/** Characteristic indicators (each a completion score 0–100) and their weights by class; the 50-point part. */
export const CHARACTERISTIC: Readonly<Record<TownshipClass, readonly { readonly name: string; readonly weight: number }[]>> = {
  经济型: [{ name: '工业经济', weight: 0.4 }, { name: '招商引资', weight: 0.35 }, { name: '财政增收', weight: 0.25 }],
  生态型: [{ name: '生态保护', weight: 0.4 }, { name: '五水共治', weight: 0.35 }, { name: '乡村旅游', weight: 0.25 }],
  复合型: [{ name: '现代农业', weight: 0.35 }, { name: '城镇建设', weight: 0.3 }, { name: '生态保护', weight: 0.35 }],
};

/** Every characteristic indicator name, in a fixed order (the columns of township records). */
export const CHARACTERISTIC_NAMES: readonly string[] = ['工业经济', '招商引资', '财政增收', '生态保护', '五水共治', '乡村旅游', '现代农业', '城镇建设'];

/** Township cadres' 能: common and characteristic indicators weighted by the township's class. */
export const ABILITY_WEIGHTS: Readonly<Record<TownshipClass, { readonly common: number; readonly characteristic: number }>> = {
  经济型: { common: 0.4, characteristic: 0.6 },
  生态型: { common: 0.5, characteristic: 0.5 },
  复合型: { common: 0.45, characteristic: 0.55 },
};

/** 2013–2014: the ecological class's difficulty coefficient on township cadres' 能 (removed in 2015). */
export const ECO_DIFFICULTY = 1.05;

export const POSTS = ['市管领导干部', '市直干部', '乡镇干部'] as const;
export type Post = (typeof POSTS)[number];

export const COUNTIES = ['柯城区', '衢江区', '江山市', '常山县', '开化县', '龙游县'] as const;
export type County = (typeof COUNTIES)[number];
/** The 地区 of city departments. */
export const CITY_LEVEL = '市直';

/** The dispositions in decision order, lightest first (severity 1–7). */
export const DISPOSITIONS = ['诫勉谈话', '组织调整', '召回', '岗位调整', '调离岗位', '降职', '免职'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export function severityOf(d: Disposition): number {
  return DISPOSITIONS.indexOf(d) + 1;
}
