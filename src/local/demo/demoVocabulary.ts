/**
 * Word lists for the demo programme year (demoYear.ts): names, units, activity titles and the
 * sentences people type into the forms. Only data lives here; the generator picks from it with a
 * seeded PRNG. Every e-mail domain is under example.edu.cn (reserved for examples).
 */

/** Surnames with the pinyin used to build e-mail addresses. */
export const SURNAMES: readonly (readonly [string, string])[] = [
  ['张', 'zhang'],
  ['王', 'wang'],
  ['李', 'li'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['郭', 'guo'],
  ['何', 'he'],
  ['林', 'lin'],
  ['罗', 'luo'],
  ['高', 'gao'],
  ['郑', 'zheng'],
  ['梁', 'liang'],
  ['谢', 'xie'],
  ['宋', 'song'],
  ['唐', 'tang'],
  ['韩', 'han'],
  ['冯', 'feng'],
  ['邓', 'deng'],
  ['曹', 'cao'],
  ['彭', 'peng'],
  ['曾', 'zeng'],
  ['肖', 'xiao'],
  ['田', 'tian'],
  ['董', 'dong'],
  ['袁', 'yuan'],
  ['蒋', 'jiang'],
  ['蔡', 'cai'],
  ['杜', 'du'],
  ['叶', 'ye'],
  ['程', 'cheng'],
  ['魏', 'wei'],
  ['苏', 'su'],
  ['丁', 'ding'],
  ['任', 'ren'],
  ['沈', 'shen'],
  ['姚', 'yao'],
];

/** Characters of given names, with pinyin. A given name is one or two of them. */
export const GIVEN_CHARS: readonly (readonly [string, string])[] = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['杰', 'jie'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['子', 'zi'],
  ['涵', 'han'],
  ['浩', 'hao'],
  ['宇', 'yu'],
  ['欣', 'xin'],
  ['怡', 'yi'],
  ['轩', 'xuan'],
  ['博', 'bo'],
  ['文', 'wen'],
  ['晨', 'chen'],
  ['思', 'si'],
  ['雨', 'yu'],
  ['佳', 'jia'],
  ['琪', 'qi'],
  ['悦', 'yue'],
  ['然', 'ran'],
  ['凯', 'kai'],
  ['瑞', 'rui'],
  ['婷', 'ting'],
  ['鑫', 'xin'],
  ['阳', 'yang'],
  ['雪', 'xue'],
  ['鹏', 'peng'],
  ['航', 'hang'],
  ['翔', 'xiang'],
  ['颖', 'ying'],
  ['晓', 'xiao'],
  ['诗', 'shi'],
  ['泽', 'ze'],
  ['俊', 'jun'],
  ['彤', 'tong'],
  ['楠', 'nan'],
  ['嘉', 'jia'],
];

export const STUDENT_MAIL_DOMAIN = 'std.example.edu.cn';
export const STAFF_MAIL_DOMAIN = 'example.edu.cn';

/** The colleges whose student branches take part (a university-wide round of the programme). */
export const UNITS: readonly string[] = [
  '计算机科学与工程学院',
  '通信与信息工程学院',
  '电子科学与工程学院',
  '自动化工程学院',
  '信息与软件工程学院',
];

export const ORDINALS: readonly string[] = ['一', '二', '三', '四', '五', '六'];

/**
 * The 52 branches, per tier: the branch names after the unit's name. In 2026-2027 the junior tier
 * is the 2025 cohort (大二), the senior tier the 2024 and 2023 cohorts (大三、大四). 20 junior,
 * 16 senior and 16 graduate branches in all.
 */
export const BRANCH_PLAN: readonly {
  readonly tier: 'junior' | 'senior' | 'graduate';
  readonly suffixes: readonly string[];
  /** Extra suffixes for the first (largest) unit only. */
  readonly firstUnitExtra: readonly string[];
}[] = [
  {
    tier: 'junior',
    suffixes: [
      '2025级本科生第一党支部',
      '2025级本科生第二党支部',
      '2025级本科生第三党支部',
      '2025级本科生第四党支部',
    ],
    firstUnitExtra: [],
  },
  {
    tier: 'senior',
    suffixes: ['2024级本科生第一党支部', '2024级本科生第二党支部', '2023级本科生第一党支部'],
    firstUnitExtra: ['2023级本科生第二党支部'],
  },
  {
    tier: 'graduate',
    suffixes: ['研究生第一党支部', '研究生第二党支部', '研究生第三党支部'],
    firstUnitExtra: ['博士研究生党支部'],
  },
];

/** The defense judges. `ownBranch` names a branch by unit index + suffix (conflict of interest). */
export const JUDGES: readonly {
  readonly name: string;
  readonly mail: string;
  readonly note: string;
  readonly bias: 'harsh' | 'lenient' | 'fair';
  readonly ownBranch?: { readonly unit: number; readonly suffix: string };
}[] = [
  { name: '王建国', mail: 'wangjianguo', note: '学院党委副书记', bias: 'fair' },
  { name: '李秀英', mail: 'lixiuying', note: '学院组织员，评分一贯从严', bias: 'harsh' },
  { name: '陈志强', mail: 'chenzhiqiang', note: '学生工作办公室主任', bias: 'fair' },
  { name: '赵敏', mail: 'zhaomin', note: '2024级辅导员', bias: 'fair' },
  { name: '周文华', mail: 'zhouwenhua', note: '教师第二党支部书记', bias: 'lenient' },
  { name: '孙丽', mail: 'sunli', note: '学院党政办公室', bias: 'fair' },
  {
    name: '刘子涵',
    mail: 'liuzihan',
    note: '博士研究生、学院学生党建助理（本支部党员，答辩时应回避本支部）',
    bias: 'fair',
    ownBranch: { unit: 0, suffix: '博士研究生党支部' },
  },
];

/** Student representatives who vote at the monthly summary meetings with some of the staff. */
export const STUDENT_VOTERS: readonly string[] = ['郑雨涵', '胡博文', '林思琪', '唐浩宇'];
/** Staff (by judge name) who usually attend the monthly summary meeting. */
export const STAFF_VOTERS: readonly string[] = ['王建国', '陈志强', '赵敏', '孙丽'];

export const BOOKS: readonly string[] = [
  '红岩',
  '平凡的世界',
  '红星照耀中国',
  '苦难辉煌',
  '习近平的七年知青岁月',
  '共产党宣言',
  '谁是最可爱的人',
  '可爱的中国',
  '钢铁是怎样炼成的',
  '毛泽东选集（第一卷）',
  '林海雪原',
  '创业史',
];

export const FILMS: readonly string[] = [
  '建国大业',
  '地道战',
  '英雄儿女',
  '上甘岭',
  '闪闪的红星',
  '开国大典',
  '焦裕禄',
  '建党伟业',
  '横空出世',
  '南征北战',
  '铁道游击队',
  '董存瑞',
];

export const SONGS: readonly string[] = [
  '没有共产党就没有新中国',
  '歌唱祖国',
  '我和我的祖国',
  '在希望的田野上',
  '团结就是力量',
  '保卫黄河',
  '映山红',
  '南泥湾',
  '我的祖国',
  '游击队歌',
];

export const ALUMNI: readonly string[] = [
  '张立新',
  '何卫东',
  '罗春梅',
  '高志远',
  '梁晓峰',
  '宋家明',
];

export const PLACES: readonly string[] = [
  '品学楼B201',
  '图书馆三楼研讨室',
  '学生活动中心',
  '主楼C区报告厅',
  '科研楼会议室',
  '学生公寓会议室',
  '线上（腾讯会议）',
  '创新中心路演厅',
];

/**
 * Title templates per activity kind. Placeholders: {book} {film} {song} {grade} {alumnus} {place}.
 * “红色家书”诵读会 is kept out of these lists: the demo uses it once, for the report
 * without evidence.
 */
export const TITLE_TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  symbol: [
    '寝室挂牌“阳光工程”',
    '党员寝室挂牌亮身份',
    '设立“党员示范岗”',
    '设计支部徽标与口号',
    '“党员先锋岗”进教室',
    '支部文化墙揭牌',
    '设立“党员责任区”',
    '党员承诺书上墙',
  ],
  alumni: [
    '走访{grade}级学长座谈',
    '访优秀校友{alumnus}学长',
    '对话{grade}级毕业学姐：考研与就业',
    '“学长面对面”经验交流会',
    '邀请{grade}级学长分享基层选调经历',
    '走访退休老党员{alumnus}',
  ],
  book: [
    '读《{book}》分享会',
    '《{book}》读书沙龙',
    '“品读《{book}》”交流会',
    '共读《{book}》心得交流',
  ],
  film: [
    '重走长征路观影《长征》',
    '观看《{film}》并交流',
    '红色观影《{film}》',
    '“光影里的初心”：《{film}》观影会',
  ],
  song: [
    '唱响《{song}》',
    '《{song}》合唱排练',
    '“红歌嘹亮”：学唱《{song}》',
    '红歌快闪《{song}》',
  ],
  deed: [
    '为新生搬运行李',
    '“三早”督学',
    '考前答疑辅导',
    '清理校园共享单车',
    '图书馆图书整理',
    '宿舍楼安全隐患排查',
    '为班级同学整理课程笔记',
    '实验室安全宣传',
  ],
  gift: [
    '为患病同学爱心募捐',
    '向山区小学捐赠图书',
    '无偿献血',
    '旧衣物捐赠',
    '为留守儿童录制科普课',
    '“一元捐”助学活动',
  ],
  featured: [
    '“一帮一”学业帮扶计划',
    '党员微课堂',
    '党史知识竞赛',
    '红色主题定向越野',
    '“党员示范寝室”评比',
    '支部“红色网站”上线',
    '深入教研室“科研沙龙”',
    '“学风建设月”诚信考试承诺签名',
    '支部公众号“初心”专栏',
  ],
  study: [
    '学习党章专题学习会',
    '学习习近平新时代中国特色社会主义思想专题学习会',
    '学习《中国共产党纪律处分条例》',
    '“四史”专题学习会',
    '学习全国高校思想政治工作会议精神',
    '学习党的创新理论专题学习会',
    '时政热点专题研讨',
    '学习《关于进一步加强和改进大学生思想政治教育的意见》',
  ],
  training: [
    '发展党员工作流程培训',
    '党建材料规范培训',
    '团支部推优工作培训',
    '管理协作能力专题讲座',
    '心理健康教育讲座',
    '国防安全教育讲座',
    '支部委员业务知识培训',
  ],
  practice: [
    '社区志愿服务',
    '敬老院志愿服务',
    '科普进社区',
    '红色教育基地参观学习',
    '留守儿童支教',
    '“青春助力乡村振兴”调研',
    '城市马拉松志愿服务',
  ],
  other: ['支部委员会议', '支部换届选举', '入党积极分子谈心谈话', '迎新联欢会', '支部工作总结会'],
};

/** Activities in the winter break (2027-01-21..02-19): rare, and always social practice. */
export const WINTER_BREAK_TITLES: readonly string[] = [
  '寒假返乡社会调研',
  '寒假“三下乡”社会实践',
  '春运火车站志愿服务',
];

/** Description templates per kind. Placeholders: {title} {place} {n} {np}. */
export const DESCRIPTION_TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  theme: [
    '支部围绕“七个一”主题在{place}开展{title}，共{n}人参加，其中党外同学{np}人。',
    '{title}面向班级同学开展，党员带头、同学参与，活动后大家交流了心得体会。',
    '本次活动由支部宣传委员组织，{np}名党外同学参加，同学们反响较好，拟下学期继续开展。',
    '在{place}开展{title}，党员与入党积极分子、班级同学共{n}人参加。',
  ],
  featured: [
    '支部特色活动{title}，由支部党员策划组织，吸引{np}名党外同学参与，形成了可推广的做法。',
    '结合专业特点开展{title}，深入班级、深入寝室，共{n}人参加，活动材料已整理归档。',
    '{title}是支部本学期的精品活动，党员分组负责，活动后形成总结并在公众号推送。',
  ],
  study: [
    '支部全体党员在{place}集中学习，书记领学，党员逐一发言交流学习体会。',
    '围绕学院下发的学习资料开展专题学习，辅导员到会指导，共{n}人参加。',
    '支部自拟主题开展学习讨论，结合时政谈认识、谈打算，形成学习记录。',
  ],
  training: [
    '学院组织的业务培训，支部委员和党务助理参加，内容包括党员发展流程、党建材料等。',
    '邀请专家开设专题讲座，提升党员干部综合能力，共{n}人参加。',
  ],
  practice: [
    '支部党员带领同学走出校园开展{title}，共{n}人参加，服务时长累计约{hours}小时。',
    '{title}由支部联系校外单位组织，党员与同学一起参与，理论联系实际。',
  ],
  other: ['支部召开{title}，总结近期工作并部署下一步安排。', '{title}，支部党员全体参加。'],
};

/** Creation plan sentences (application form). {unit} {branch} placeholders. */
export const PLAN_FOCUS: Readonly<Record<'junior' | 'senior' | 'graduate', readonly string[]>> = {
  junior: [
    '本支部立足学生党员的培养和发展，坚持“以党建促学风，以党建带班建，以党建带团建”。',
    '支部以学风建设为抓手，发挥党员在班级中的模范带头作用，带动全班同学共同进步。',
  ],
  senior: [
    '本支部以培养高素质创新型人才为目标，坚持在培养中使用、在使用中锻炼。',
    '支部结合毕业年级特点，引导党员在学业、科研、就业中争当先锋。',
  ],
  graduate: [
    '本支部立足教研室，以培养高素质创新型人才为创建目标，推动党建与科研深度融合。',
    '支部坚持“深入教研室、深入人心”，把党建工作与科研育人结合起来。',
  ],
};

export const PLAN_ACTIONS: readonly string[] = [
  '每学期完成不少于4次“七个一”主题组织生活，重点开展“读一本好书”“访一位学长”。',
  '在学生公寓开展党员寝室挂牌“阳光工程”，党员日常行为自觉接受同学监督。',
  '每月召开一次专题学习会，学习党的政策文件和会议精神。',
  '开展“一帮一”学业帮扶，反对“60分万岁”，带动班级学风建设。',
  '组织党员参加社区志愿服务和社会实践，走向社会、服务群众。',
  '建设支部公众号，主动占领网络思想政治教育阵地。',
  '邀请往届学长回校座谈，分享考研、就业和科研经验。',
  '开展具有专业特色的支部特色活动，力争做出精品活动。',
];

export const PLAN_GOALS: readonly string[] = [
  '力争年内建成先进党支部，发挥战斗堡垒作用。',
  '争取在学院月度评选中获评星级支部。',
  '通过创建活动吸引更多优秀同学向党组织靠拢。',
];

/** What staff write when they approve an application. */
export const APPROVAL_NOTES: readonly string[] = [
  '同意立项',
  '计划具体可行，同意',
  '同意。建议细化特色活动安排',
  '同意立项，请按月报送活动',
  '',
];

/** The two applications staff reject, and why. */
export const REJECTIONS: readonly {
  readonly members: number;
  readonly plan: string;
  readonly note: string;
}[] = [
  {
    members: 2,
    plan: '按学院要求开展支部活动。',
    note: '支部新成立，正式党员仅2人，暂不具备创建条件，建议明年再申报',
  },
  {
    members: 9,
    plan: '本学期开展组织生活。',
    note: '创建计划过于简略，未结合支部实际，未列出“七个一”安排，请完善后下一年度再申报',
  },
];

/** Achievement sentences for 优秀学生党员 nominations. {hours} {rank} placeholders. */
export const ACHIEVEMENTS: readonly string[] = [
  '勤奋学习，专业成绩排名年级前{rank}%，获校级一等奖学金。',
  '团结合作，担任班长期间带领班级获评校级优秀班集体。',
  '诚信守纪，在学风建设中争做模范，带头签署诚信考试承诺书。',
  '艰苦奋斗，暑期赴西部基层开展社会实践，撰写调研报告获校级表彰。',
  '积极参加志愿服务，累计志愿服务时长{hours}小时。',
  '作为寝室挂牌党员，所在寝室获评“党员示范寝室”。',
  '组织“一帮一”学业帮扶，帮助{help}名同学通过补考。',
  '在学生党员患病募捐中带头捐款并组织义卖。',
  '参与教研室科研项目，以第一作者发表学术论文1篇。',
  '担任党务助理，协助整理党建材料，工作认真细致。',
];

/** Defense comments, by how well the branch did. */
export const DEFENSE_COMMENTS: Readonly<Record<'good' | 'fair' | 'poor', readonly string[]>> = {
  good: [
    '创建成效突出，特色活动有亮点，陈述清晰。',
    '活动覆盖面广，党外同学参与度高，值得推广。',
    '材料翔实，答辩从容，特色鲜明。',
  ],
  fair: [
    '整体完成创建计划，特色不够突出。',
    '活动较常规，建议加强创新。',
    'PPT较好，回答问题略显紧张。',
  ],
  poor: [
    '“七个一”组织生活次数不足，佐证材料欠缺。',
    '创建计划落实不到位，后半年活动明显减少。',
    '陈述内容与实际活动不符，需加强支部建设。',
  ],
};

/**
 * Everything the demo year says, in one language. The English vocabulary mirrors the Chinese one
 * entry for entry (same list lengths, the same drawn blanks in the same order), so the seeded draws
 * give the same year in either language: only the words differ.
 */
export interface DemoVocabulary {
  readonly SURNAMES: readonly (readonly [string, string])[];
  readonly GIVEN_CHARS: readonly (readonly [string, string])[];
  /** A person's name from the surname and the given name's parts (their shown forms). */
  readonly personName: (surname: string, given: readonly string[]) => string;
  readonly UNITS: readonly string[];
  readonly BRANCH_PLAN: typeof BRANCH_PLAN;
  /** A branch's name from its unit and the suffix of BRANCH_PLAN. */
  readonly branchName: (unit: string, suffix: string) => string;
  readonly JUDGES: typeof JUDGES;
  readonly STUDENT_VOTERS: readonly string[];
  readonly STAFF_VOTERS: readonly string[];
  readonly BOOKS: readonly string[];
  readonly FILMS: readonly string[];
  readonly SONGS: readonly string[];
  readonly ALUMNI: readonly string[];
  readonly PLACES: readonly string[];
  readonly TITLE_TEMPLATES: Readonly<Record<string, readonly string[]>>;
  readonly WINTER_BREAK_TITLES: readonly string[];
  readonly DESCRIPTION_TEMPLATES: Readonly<Record<string, readonly string[]>>;
  readonly PLAN_FOCUS: typeof PLAN_FOCUS;
  readonly PLAN_ACTIONS: readonly string[];
  readonly PLAN_GOALS: readonly string[];
  readonly APPROVAL_NOTES: readonly string[];
  readonly REJECTIONS: typeof REJECTIONS;
  readonly ACHIEVEMENTS: readonly string[];
  readonly DEFENSE_COMMENTS: typeof DEFENSE_COMMENTS;
  /** What joins sentences into one answer: nothing between Chinese ones, a space in English. */
  readonly sentenceJoiner: string;
  /** A title in quotation marks (unless it has some), for a description. */
  readonly quoted: (title: string) => string;
  /** The n-th activity of the same title: `（第2期）`. */
  readonly series: (title: string, n: number) => string;
  /** The college on the Config sheet. */
  readonly COLLEGE: string;
  /** Why staff turn down the last two nominations. */
  readonly NOMINATION_NOTE: string;
  /** The comment of a judge's corrected score sheet. */
  readonly DEFENSE_CORRECTION: string;
  /** The words of the deliberate bad activity reports (see DEMO_ACTIVITY_PROBLEMS). */
  readonly PROBLEMS: {
    readonly unknownBranch: string;
    readonly unknownKind: string;
    readonly titles: Readonly<Record<string, string>>;
    readonly noEvidenceDescription: string;
    /** The description of a problem report: `{title}` and `{n}` participants. */
    readonly description: string;
    /** The title a blank title is described as. */
    readonly untitled: string;
  };
}

export const ZH_VOCABULARY: DemoVocabulary = {
  SURNAMES,
  GIVEN_CHARS,
  personName: (surname, given) => surname + given.join(''),
  UNITS,
  BRANCH_PLAN,
  branchName: (unit, suffix) => unit + suffix,
  JUDGES,
  STUDENT_VOTERS,
  STAFF_VOTERS,
  BOOKS,
  FILMS,
  SONGS,
  ALUMNI,
  PLACES,
  TITLE_TEMPLATES,
  WINTER_BREAK_TITLES,
  DESCRIPTION_TEMPLATES,
  PLAN_FOCUS,
  PLAN_ACTIONS,
  PLAN_GOALS,
  APPROVAL_NOTES,
  REJECTIONS,
  ACHIEVEMENTS,
  DEFENSE_COMMENTS,
  sentenceJoiner: '',
  quoted: (title) => (title.includes('“') ? title : `“${title}”`),
  series: (title, n) => `${title}（第${n}期）`,
  COLLEGE: '示范大学学生工作部党委',
  NOMINATION_NOTE: '事迹材料不够具体，请补充后下年度再推荐',
  DEFENSE_CORRECTION: '更正：特色创新一项录入有误，以此次为准。',
  PROBLEMS: {
    unknownBranch: '数学学院第九党支部',
    unknownKind: '聚餐',
    titles: {
      'unknown-branch': '读《平凡的世界》交流会',
      'no-evidence': '“红色家书”诵读会',
      'impossible-date': '观看《焦裕禄》',
      'non-party-exceeds': '唱响《保卫黄河》合唱比赛',
      'outside-programme': '暑期红色教育基地参观',
      'negative-participants': '“学长面对面”考研分享',
      'unknown-kind': '期末聚餐',
      'formula-title': '=HYPERLINK("http://evil.example","点我")',
    },
    noEvidenceDescription: '支部特色活动，党员与班级同学诵读革命先烈家书，佐证照片稍后补交。',
    description: '支部组织开展“{title}”，共{n}人参加。',
    untitled: '主题活动',
  },
};
