"""国办发〔2023〕27号, clause by clause.

Every checkable obligation of 《提升行政执法质量三年行动计划（2023—2025年）》
is a :class:`~enforcerules.Rule` below, quoting the plan; the rows that are
not checkable from facts are in :data:`DECLINED` with the reason. The
case-level rows (二（一）3 持证, 退出机制; 二（二）3 法制审核) live in
:mod:`.cases`, the 《行政处罚法》 articles in :mod:`.penalty_law`.

Who a sentence binds decides the scope:

- "各地区有关部门", "各级行政执法部门" → enforcement units;
- "各地区" → government units (the regions act through their governments);
- "县级以上人民政府司法行政部门" → justice units at county level and above;
- "国务院司法行政部门" → the national justice unit;
- a sentence about "行政执法人员" → officers (township officers where it says
  "乡镇、街道综合执法人员").
"""

from __future__ import annotations

import datetime as dt

from enforcerules import Declined, Level, Rule, Scope, SourceDocument, Subject, TrainingCategory, UnitKind
from enforcerules.citation import citer
from enforcerules.deadlines import UNDATED_PHRASE
from enforcerules.kinds import AnnualTrainingHours, ItemCatalogue, ItemCleanup, RecurringCount, TaskDeadline

__all__ = ["DECLINED", "PLAN", "RULES"]

PLAN = SourceDocument(
    id="gbf-2023-27",
    number="国办发〔2023〕27号",
    title="提升行政执法质量三年行动计划（2023—2025年）",
    issuer="国务院办公厅",
    issued_on=dt.date(2023, 8, 9),
)
cite = citer(PLAN.id)

_ENFORCEMENT = (UnitKind.ENFORCEMENT,)
_GOVERNMENT = (UnitKind.GOVERNMENT,)
_JUSTICE = (UnitKind.JUSTICE,)
_LOCAL_ABOVE_TOWNSHIP = (Level.PROVINCE, Level.CITY, Level.COUNTY)

#: How yearly rules treat 2023, the year the plan was issued (2023-08-09).
_FIRST_YEAR_NOTE = (
    "2023: the plan was issued on 2023-08-09; under the library's one first-year policy for yearly "
    "duties (enforcerules.FirstYear, docs/deadlines-and-periods.md) the duty is judged from 2024, the first "
    "calendar year after the issue day, and 2023 facts are reported as out of period; "
    "load_rulebook(..., first_year=FirstYear.ISSUE_YEAR) judges 2023 in full, without pro-rating."
)

# -- 二（一） 全面提升行政执法人员能力素质 ---------------------------------------

TRAINING = Rule(
    id="national.training.annual_hours",
    title_zh="执法人员每人每年培训不少于60学时",
    title_en="At least 60 training hours per officer per year",
    citation=cite(
        "二（一）2",
        "在完成政治理论教育和党性教育学时的基础上，确保行政执法人员每人每年接受不少于60学时的公共法律知识、业务知识和行政执法技能培训",
    ),
    spec=AnnualTrainingHours(
        min_hours=60,
        counted=(TrainingCategory.PUBLIC_LAW, TrainingCategory.BUSINESS, TrainingCategory.ENFORCEMENT_SKILLS),
    ),
    scope=Scope(Subject.OFFICER),
    note=(
        "Political-theory and Party-spirit hours (政治理论教育和党性教育) are required on top and do not "
        "count towards the 60. An officer in post on any day of a year is assessed for that year. "
        + _FIRST_YEAR_NOTE
    ),
)

FULL_STAFF_ROTATION = Rule(
    id="national.training.full_staff_rotation",
    title_zh="完成行政执法队伍全员轮训",
    title_en="Complete full-staff rotation training of the enforcement workforce",
    citation=cite("二（一）2", "原则上于2024年6月前完成对本地区、本部门行政执法队伍的全员轮训"),
    spec=TaskDeadline(task="full_staff_rotation", deadline="2024年6月前"),
    scope=Scope(Subject.UNIT, unit_kinds=(UnitKind.ENFORCEMENT, UnitKind.GOVERNMENT)),
    note=(
        "Ambiguous: '2024年6月前' may mean by the end of June 2024 or before June 2024. The default "
        "DeadlinePolicy reads it as 2024-06-30 (the provincial plans restate it as '6月底前'); "
        "DeadlinePolicy.strict() (month_before=BEFORE_MONTH) reads it as 2024-05-31. '原则上' (in "
        "principle) is not modelled as a grace period: a later completion is reported as late. "
        "'本地区、本部门' binds each enforcement department for its own workforce and each government "
        "for its region's; a unit shows completion with a task report 'full_staff_rotation'. Township "
        "governments are bound too, unlike the government-scoped rules of 二（三）2 and 二（四）2: since "
        "the 赋权 of 二（三）2 townships and streets hold enforcement powers and workforces of their own, "
        "and the sentence gives that workforce to no other level ('本地区'); the delegation evaluation and "
        "the four-level supervision system are, by their text, done for townships by the levels above. A "
        "child jurisdiction that reads it otherwise narrows the scope's levels with a declared override."
    ),
)

TOWNSHIP_HIGHER_LEVEL = Rule(
    id="national.training.township_higher_level",
    title_zh="乡镇、街道综合执法人员参加上级业务部门组织的培训",
    title_en="Township and street officers attend training organised by higher-level departments",
    citation=cite("二（一）2", "乡镇、街道综合执法人员要参加上级有关业务部门组织的培训"),
    spec=RecurringCount(
        event="higher_level_training",
        min_count=1,
        label_zh="上级有关业务部门组织的培训",
        label_en="training organised by a higher-level business department",
        verb_zh="参加",
        reading_zh="计划未规定次数，每年至少1次为本库的解读",
    ),
    scope=Scope(Subject.OFFICER, township=True),
    note=(
        "The plan names no frequency. The library checks the smallest observable one: at least one "
        "event 'higher_level_training' (subject: the officer) per calendar year the officer is in post; "
        "choose another with the `min_count` parameter. " + _FIRST_YEAR_NOTE
    ),
)

ANNUAL_ASSESSMENT = Rule(
    id="national.officers.annual_assessment",
    title_zh="行政执法人员年度考核",
    title_en="Annual assessment of every officer",
    citation=cite("二（一）3", "全面落实行政执法责任制，健全完善行政执法人员年度考核制度"),
    spec=RecurringCount(event="annual_assessment", min_count=1, label_zh="年度考核", label_en="annual assessment", verb_zh="参加"),
    scope=Scope(Subject.OFFICER),
    note=(
        "A 'yearly assessment system' is checked as one event 'annual_assessment' (subject: the officer) "
        "per calendar year the officer is in post; an assessment held in January for the year before "
        "counts for the year it was held in. " + _FIRST_YEAR_NOTE
    ),
)

# -- 二（二） 全面推进严格规范公正文明执法 ---------------------------------------

PROBLEM_LIST = Rule(
    id="national.rectification.problem_list",
    title_zh="梳理形成突出问题清单",
    title_en="Compile the list of prominent enforcement problems",
    citation=cite("二（二）1", "各地区有关部门要于2023年底前梳理形成本地区各行政执法领域的突出问题清单"),
    spec=TaskDeadline(task="problem_list", deadline="2023年底前"),
    scope=Scope(Subject.UNIT, unit_kinds=_ENFORCEMENT),
    responsible=("各地区有关部门",),
    note="'各地区有关部门' is read as every enforcement unit; a unit shows the list with a task report 'problem_list'.",
)

SPECIAL_SUPERVISION = Rule(
    id="national.rectification.special_supervision",
    title_zh="对各地区专项整治情况开展专项监督并向国务院报告",
    title_en="Special supervision of the regions' rectification, reported to the State Council",
    citation=cite(
        "二（二）1",
        "2024年底前，由国务院司法行政部门牵头，组织有关地方和部门对各地区专项整治情况开展专项监督，并将专项监督情况向国务院报告",
    ),
    spec=TaskDeadline(task="special_supervision", deadline="2024年底前"),
    scope=Scope(Subject.UNIT, unit_kinds=_JUSTICE, levels=(Level.NATIONAL,)),
    responsible=("国务院司法行政部门",),
    supporting=("有关地方和部门",),
    note="Binds the national justice unit (牵头); done when it reports 'special_supervision' (the report to the State Council).",
)

DISCRETION_BASELINES = Rule(
    id="national.discretion.baselines",
    title_zh="普遍建立行政裁量权基准制度",
    title_en="Discretion baselines established",
    citation=cite("二（二）2", "2023年底前普遍建立行政裁量权基准制度"),
    spec=TaskDeadline(task="discretion_baselines", deadline="2023年底前"),
    scope=Scope(Subject.UNIT, unit_kinds=_ENFORCEMENT),
    note=(
        "'普遍建立' (generally established) is a target across units; the library checks it unit by "
        "unit, each enforcement unit reporting 'discretion_baselines'. Dynamic management and filing "
        "review are declined (no date, no measurable fact)."
    ),
)

# -- 二（三） 健全完善行政执法工作体系 -------------------------------------------

ITEM_CATALOGUE = Rule(
    id="national.catalogue.item_catalogue",
    title_zh="研究制定本部门行政执法事项目录",
    title_en="Enforcement item catalogue of each department",
    citation=cite(
        "二（三）1",
        "地方各级司法行政部门要切实履行行政执法体制改革的法治协调职责，督促指导各级行政执法部门于2024年底前研究制定本部门行政执法事项目录",
    ),
    spec=TaskDeadline(task="item_catalogue", deadline="2024年底前"),
    scope=Scope(Subject.UNIT, unit_kinds=_ENFORCEMENT),
    responsible=("各级行政执法部门",),
    supporting=("地方各级司法行政部门",),
    note="Each enforcement unit reports 'item_catalogue'; the local justice departments 督促指导 (supervise and guide).",
)

ITEMS_CATALOGUED = Rule(
    id="national.catalogue.items_catalogued",
    title_zh="本部门的行政执法事项列入行政执法事项目录",
    title_en="Each enforcement item of a department is in its catalogue",
    citation=cite(
        "二（三）1",
        "地方各级司法行政部门要切实履行行政执法体制改革的法治协调职责，督促指导各级行政执法部门于2024年底前研究制定本部门行政执法事项目录",
    ),
    spec=ItemCatalogue(deadline="2024年底前"),
    scope=Scope(Subject.ITEM, unit_kinds=_ENFORCEMENT),
    responsible=("各级行政执法部门",),
    supporting=("地方各级司法行政部门",),
    note=(
        "The item-level reading of the same sentence as national.catalogue.item_catalogue (this "
        "library's reading: a department's catalogue is made when it lists the items the department "
        "carries out). Read from the facts' enforcement items (section 'items'): an item whose "
        "'catalogued_on' is 2024-12-31 or earlier is compliant."
    ),
)

ITEM_CLEANUP = Rule(
    id="national.catalogue.item_cleanup",
    title_zh="对虽有法定依据但近五年未发生的行政执法事项进行清理",
    title_en="Clean up enforcement items with a legal basis that have not occurred in five years",
    citation=cite(
        "二（三）1",
        "对虽有法定依据但近五年未发生的、极少发生且没有实施必要的、交叉重复的等行政执法事项进行清理，提出拟取消、调整或者暂停实施的意见",
    ),
    spec=ItemCleanup(),
    scope=Scope(Subject.ITEM),
    responsible=("国务院有关部门", "省、自治区、直辖市人民政府"),
    note=(
        "Of the three grounds only '近五年未发生' can be read from facts; '极少发生且没有实施必要' and "
        "'交叉重复' are judgements left to the clean-up itself. The five years end on the evaluation day "
        "or on 2025-12-31, whichever is earlier. A dormant item is discharged by any clean-up opinion "
        "(拟取消、调整、暂停实施) or a recorded review that kept it (this library's reading: the clean-up "
        "is a review; ItemCleanup(opinions=...) narrows it). The plan gives the clean-up no date, so an "
        "item without an opinion stays pending and is never judged late. The State Council departments "
        "and the provincial governments organise the clean-up; the finding is about the item, "
        "whichever unit carries it out."
    ),
)

CONSULTATION_MECHANISM = Rule(
    id="national.organisation.consultation_mechanism",
    title_zh="县级以上地方人民政府建立工作会商机制",
    title_en="Local governments at county level and above set up a consultation mechanism for the plan",
    citation=cite(
        "三（一）",
        "县级以上地方人民政府要建立司法行政、发展改革、财政、人力资源社会保障、政务服务管理、大数据管理以及其他有关行政执法部门参加的工作会商机制",
    ),
    spec=TaskDeadline(task="consultation_mechanism", deadline=UNDATED_PHRASE),
    scope=Scope(Subject.UNIT, unit_kinds=_GOVERNMENT, levels=_LOCAL_ABOVE_TOWNSHIP),
    responsible=("县级以上地方人民政府",),
    note=(
        "The plan gives the mechanism no date: an undated duty (deadline phrase '未规定时限', the library's "
        "marker), compliant once the government reports 'consultation_mechanism', pending until then, "
        "never late — the shape the local plugins give their own undated duties."
    ),
)

DELEGATION_EVALUATION = Rule(
    id="national.delegation.evaluation",
    title_zh="对已下放乡镇、街道的行政执法事项至少评估一次",
    title_en="Evaluate the enforcement items delegated to townships and streets at least once",
    citation=cite("二（三）2", "各地区2024年底前要对已经下放乡镇、街道的行政执法事项至少进行一次评估"),
    spec=TaskDeadline(task="delegation_evaluation", deadline="2024年底前"),
    scope=Scope(Subject.UNIT, unit_kinds=_GOVERNMENT, levels=_LOCAL_ABOVE_TOWNSHIP),
    responsible=("各地区",),
    note=(
        "'各地区' is read as the governments at province, city and county level, which delegate items; "
        "township governments receive them and are not bound. One report 'delegation_evaluation' "
        "satisfies '至少进行一次'."
    ),
)

# -- 二（四） 加快构建行政执法协调监督工作体系 -------------------------------------

FOUR_LEVEL_SYSTEM = Rule(
    id="national.supervision.four_level_system",
    title_zh="基本建成省市县乡四级全覆盖的行政执法协调监督工作体系",
    title_en="Four-level enforcement coordination and supervision system basically built",
    citation=cite(
        "二（四）2",
        "2024年底前基本建成制度完善、机制健全、职责明确、监督有力、运转高效的省市县乡四级全覆盖的行政执法协调监督工作体系",
    ),
    spec=TaskDeadline(task="supervision_system", deadline="2024年底前"),
    scope=Scope(Subject.UNIT, unit_kinds=_GOVERNMENT, levels=_LOCAL_ABOVE_TOWNSHIP),
    note=(
        "The sentence names no subject; the library binds the governments at province, city and county "
        "level, each reporting 'supervision_system' for its part. The township level is covered by the "
        "county (the plan has 司法所 assist the county justice department). '基本建成' is judged by the "
        "unit's own report."
    ),
)

SUPERVISION_ANNUAL_PLAN = Rule(
    id="national.supervision.annual_plan",
    title_zh="制定年度行政执法监督工作方案",
    title_en="Annual enforcement-supervision work plan",
    citation=cite("二（四）3", "县级以上人民政府司法行政部门要制定年度行政执法监督工作方案"),
    spec=RecurringCount(
        event="supervision_work_plan",
        min_count=1,
        label_zh="年度行政执法监督工作方案",
        label_en="annual supervision work plan",
        verb_zh="制定",
        measure_zh="份",
    ),
    scope=Scope(Subject.UNIT, unit_kinds=_JUSTICE, levels=(Level.NATIONAL, *_LOCAL_ABOVE_TOWNSHIP)),
    responsible=("县级以上人民政府司法行政部门",),
    note=(
        "'县级以上人民政府' (not '县级以上地方人民政府') includes the State Council, so the national justice "
        "unit is bound too. One event 'supervision_work_plan' per calendar year. " + _FIRST_YEAR_NOTE
    ),
)

# -- 二（五） 健全行政执法和行政执法监督科技保障体系 -------------------------------

NATIONAL_DATABASE = Rule(
    id="national.data.national_database",
    title_zh="汇聚形成全国行政执法数据库",
    title_en="National enforcement database assembled",
    citation=cite(
        "二（五）2",
        "加快推进各地区和国务院有关部门业务系统与全国行政执法综合管理监督信息系统执法数据的互联互通，2025年底前汇聚形成全国行政执法数据库",
    ),
    spec=TaskDeadline(task="national_database", deadline="2025年底前"),
    scope=Scope(Subject.UNIT, unit_kinds=_JUSTICE, levels=(Level.NATIONAL,)),
    note=(
        "The sentence names no subject; 二（五）1 makes 国务院司法行政部门 run the national system the "
        "database is assembled in, so the library binds the national justice unit."
    ),
)

RULES: tuple[Rule, ...] = (
    TRAINING,
    FULL_STAFF_ROTATION,
    TOWNSHIP_HIGHER_LEVEL,
    ANNUAL_ASSESSMENT,
    PROBLEM_LIST,
    SPECIAL_SUPERVISION,
    DISCRETION_BASELINES,
    ITEM_CATALOGUE,
    ITEMS_CATALOGUED,
    ITEM_CLEANUP,
    CONSULTATION_MECHANISM,
    DELEGATION_EVALUATION,
    FOUR_LEVEL_SYSTEM,
    SUPERVISION_ANNUAL_PLAN,
    NATIONAL_DATABASE,
)

_NO_DATE = "The plan sets no date or measure, so no fact could show it done late or not at all."

#: Rows of the national plan deliberately not modelled, with the reason.
DECLINED: tuple[Declined, ...] = (
    Declined(
        "二（一）1",
        "各级行政执法机关要把加强党的政治建设放在首位；加强基层行政执法单位党组织建设",
        "Political building and party organisation; " + _NO_DATE + " Political-theory hours are "
        "required separately and are not counted in the 60 hours of national.training.annual_hours.",
    ),
    Declined(
        "二（一）2",
        "国务院司法行政部门要推进全国行政执法人员培训标准化体系建设；国务院有关部门要研究制定本系统行政执法人员的专门业务培训计划",
        "Central duties: a national training standardisation system and each State Council "
        "department's training plan for its own system; " + _NO_DATE + " The officers' hours and the "
        "rotation are national.training.annual_hours and national.training.full_staff_rotation.",
    ),
    Declined(
        "二（一）2",
        "上级业务部门要加强对下级业务部门培训工作的指导……对承担多个部门行政执法事项人员的培训，鼓励跨部门联合开展",
        "A guidance duty and an encouragement with no measure; " + _NO_DATE + " Township officers' "
        "attendance at higher-level training is national.training.township_higher_level.",
    ),
    Declined(
        "二（一）2",
        "加强执法行为规范和职业道德教育",
        "Education in conduct and professional ethics with no hours, date or measure of its own; " + _NO_DATE
        + " Training hours that count are national.training.annual_hours (political-theory and ethics "
        "education is required on top of them).",
    ),
    Declined(
        "二（一）3",
        "按照国家有关规定对在行政执法中做出突出贡献的集体和个人给予表彰奖励，推进示范创建活动",
        "Commendation and model-building 'according to national regulations': a discretionary reward, "
        "not a duty towards any subject, and no fact could show it owed; " + _NO_DATE,
    ),
    Declined(
        "二（一）3",
        "人民警察证件的管理使用按照人民警察法的规定执行",
        "Refers police certificates to the People's Police Law, which is outside these plans; the plan "
        "sets no duty of its own here.",
    ),
    Declined(
        "二（二）1",
        "专项整治情况报送本级司法行政部门汇总",
        "The rectification is organised '适时' (when appropriate) and the report has no date; checking it "
        "would need a deadline the plan does not set. The dated part (problem list) is "
        "national.rectification.problem_list.",
    ),
    Declined(
        "二（二）1",
        "垂直管理或者双重领导部门的专项整治情况由其汇总后报送国务院司法行政部门",
        "A reporting route among State Council departments with no date; not a per-unit obligation "
        "the facts can show.",
    ),
    Declined(
        "二（二）2",
        "加强行政裁量权基准的动态管理和备案审查",
        "Continuous quality work on the baselines; " + _NO_DATE,
    ),
    Declined(
        "二（二）2",
        "国务院司法行政部门分批制定统一的行政执法文书基本格式标准、装备配备标准及技术规范指引",
        "Central drafting work in batches with no date; " + _NO_DATE,
    ),
    Declined(
        "二（二）3",
        "行政执法公示制度",
        "Publication has no per-case form the facts could show: 《行政处罚法》第三十九条 publishes the "
        "authority's information in advance (not a case's), and 第四十八条 publishes only decisions "
        "'具有一定社会影响的', which no fact marks. Full-process recording is "
        "national.cases.full_process_record and legal review of major decisions national.cases.legal_review "
        "(cases.py).",
    ),
    Declined(
        "二（二）3",
        "依法健全以信用为基础的新型执法机制，规范涉企行政检查，完善联合检查、“双随机、一公开”监管、非现场执法等工作机制；"
        "综合运用多种方式督促引导受处罚企业加强合规管理；探索建立涉企行政执法案件经济影响评估制度；完善涉民营企业行政执法违法行为投诉举报处理机制",
        "Mechanisms to build and a system to explore ('探索'), with no addressee; inspections and "
        "complaints are not in the facts format; " + _NO_DATE,
    ),
    Declined(
        "二（二）3",
        "对直接涉及公共安全和人民群众生命健康等的特殊行业、重点领域，依法依规实行全覆盖的重点监管",
        "'Full coverage' of key supervision would need inspection facts per regulated entity, which the "
        "facts format does not carry; " + _NO_DATE,
    ),
    Declined(
        "二（三）1",
        "对…极少发生且没有实施必要的、交叉重复的等行政执法事项进行清理",
        "Whether an item is 'rarely occurring and without need' or 'duplicated' is a policy judgement "
        "no fact shows; the checkable ground, '近五年未发生', is national.catalogue.item_cleanup.",
    ),
    Declined(
        "二（三）1",
        "地方各级司法行政部门要切实履行行政执法体制改革的法治协调职责，督促指导各级行政执法部门于2024年底前研究制定本部门行政执法事项目录",
        "The justice departments' part is to urge and guide, which has no measure of its own; the dated "
        "result, each enforcement department's catalogue by 2024年底前, is "
        "national.catalogue.item_catalogue.",
    ),
    Declined(
        "二（三）1",
        "国务院有关部门制定本领域综合行政执法标准化指南，国务院司法行政部门研究制定综合行政执法改革法治建设政策文件",
        "Central drafting; " + _NO_DATE,
    ),
    Declined(
        "二（三）2",
        "对拟予清理的行政执法事项不再赋权乡镇、街道",
        "Needs item-level facts (which items are slated for clean-up, which are delegated) the facts "
        "format does not carry.",
    ),
    Declined(
        "二（三）2",
        "省级司法行政部门加强对赋权事项的法制审核；各地区开展乡镇、街道行政执法规范化试点",
        "No date and, nationally, no number of pilots; " + _NO_DATE,
    ),
    Declined(
        "二（三）2",
        "对基层接不住、监管跟不上的及时予以调整",
        "'及时' sets no date, and which delegated items the grassroots cannot handle is a judgement the "
        "facts do not record; the dated evaluation is national.delegation.evaluation.",
    ),
    Declined(
        "二（三）3",
        "健全事前事中事后监管有效衔接机制；建立健全跨部门、跨区域、跨层级的行政执法协作机制；完善行政执法管辖、法律适用等争议协调机制；健全行政执法与刑事司法衔接机制；加强行政执法机关与纪检监察机关的协作配合",
        "Cooperation mechanisms; " + _NO_DATE,
    ),
    Declined(
        "二（四）1",
        "加快出台行政执法监督条例；健全完善行政执法监督配套工作制度，推进行政执法案卷评查、行政执法案例指导等工作；研究制定科学、合理的行政执法考核评价指标体系",
        "A regulation and rules to draft, with no addressee; " + _NO_DATE,
    ),
    Declined(
        "二（四）2",
        "积极探索司法所协助县级人民政府司法行政部门开展乡镇、街道行政执法监督工作的方式方法",
        "Exploration ('探索'); " + _NO_DATE + " The dated four-level system is "
        "national.supervision.four_level_system.",
    ),
    Declined(
        "二（四）3",
        "综合运用行政执法工作报告、统计分析、评议考核等方式，对行政执法工作情况开展经常性监督",
        "Ongoing ('经常性') supervision has no measure; the dated part of the same sentence, the yearly "
        "work plan, is national.supervision.annual_plan.",
    ),
    Declined(
        "二（四）3",
        "县级以上人民政府部门承担行政执法监督职责的机构，要加强对本部门本系统行政执法工作和重大行政执法案事件的统筹协调、日常监督和业务指导",
        "Ongoing coordination, supervision and guidance; " + _NO_DATE + " A department's internal "
        "supervision body is not a unit the facts format distinguishes.",
    ),
    Declined(
        "二（四）3",
        "完善重大行政执法案件专项监督调查处理机制；建立行政执法监督与12345政务服务便民热线等监督渠道的信息共享工作机制；积极推进落实行政执法监督员制度",
        "Mechanisms and a supervisor system to build, with no addressee; " + _NO_DATE,
    ),
    Declined(
        "二（五）1",
        "国务院司法行政部门要加快推进全国行政执法综合管理监督信息系统应用，构建行政执法和行政执法监督一体化平台；推进行政执法和行政执法监督一体化平台集约化建设和部署应用，推行行政执法移动应用程序（APP）掌上执法",
        "Information-system construction ('加快推进', speed up); " + _NO_DATE + " The dated data goal "
        "(2025年底前) is national.data.national_database.",
    ),
    Declined(
        "二（五）2",
        "各地区和国务院有关部门业务系统与全国系统执法数据互联互通",
        "The 2025 date attaches to the database (national.data.national_database); the interconnection "
        "of each system has no date of its own.",
    ),
    Declined(
        "二（六）1",
        "合理配备行政执法力量，并注重行政执法机构队伍梯队建设；加强行政执法机构公职律师和法律顾问队伍建设；建立重大执法决定法制审核协作机制",
        "Staffing and organisation; staffing is not in the facts format; " + _NO_DATE,
    ),
    Declined(
        "二（六）2",
        "建立健全行政执法责任追究、尽职免予问责机制；落实和完善行政执法人员工资待遇政策……依法为基层一线行政执法人员办理保险；完善行政执法人员心理咨询服务和危机干预机制",
        "Accountability mechanisms and employment conditions; pay, insurance and counselling are not in "
        "the facts format; " + _NO_DATE,
    ),
    Declined(
        "二（六）3",
        "将行政执法工作经费、行政执法装备配备费用纳入本级预算；合理保障行政执法经费投入力度",
        "Budgets are not in the facts format, and the plan sets no date or amount, so no fact could "
        "show it unmet.",
    ),
    Declined(
        "三（一）",
        "将本计划组织实施情况及时向本级党委（党组）报告",
        "A report to the Party committee, '及时' with no date, which the facts do not hold; the consultation "
        "mechanism of the same clause is national.organisation.consultation_mechanism.",
    ),
    Declined(
        "三（二）",
        "各地区、各部门要明确任务分工，压紧压实责任，将贯彻落实本计划情况纳入法治政府建设督察、依法行政考核内容；适时组织开展行政执法人民群众满意度第三方测评",
        "Internal arrangements, and a survey to be held '适时' (when appropriate); "
        + _NO_DATE,
    ),
    Declined(
        "三（三）",
        "各地区、各部门要充分利用报刊、广播、电视等新闻媒体和网络新媒体，广泛宣传提升行政执法质量和效能的好举措好经验好做法",
        "Publicity; " + _NO_DATE,
    ),
    Declined(
        "三（三）",
        "国务院司法行政部门要会同各有关方面加强对本计划实施情况的指导监督和跟踪分析，组织开展实施情况评估",
        "The evaluation of the plan's implementation; " + _NO_DATE,
    ),
)
