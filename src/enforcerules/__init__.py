"""enforcerules: China's administrative law-enforcement quality plans as cited, executable rules.

Data flow: plugin → :class:`Jurisdiction` declaration → :class:`Rulebook`
(resolved parent chain) → compiled rules → :func:`evaluate` on
:class:`Facts` → :class:`Report` of :class:`Finding` values.
"""

from .api import load_rulebook
from .calendar import HolidayCalendar, civil_code_period_end
from .chinatime import CST, cst_date
from .citation import Citation, Period, SourceDocument
from .deadlines import UNDATED_PHRASE, Deadline, DeadlineKind, DeadlinePolicy, MidMonthReading, MonthBeforeReading, NamedDayReading
from .errors import (
    CalendarError,
    CyclicJurisdiction,
    DeadlinePhraseError,
    DuplicateRule,
    UnknownJurisdiction,
    UnknownRuleReference,
    DeclarationError,
    EngineError,
    EngineUnavailable,
    EnforcerulesError,
    FactsError,
    PluginError,
    ResolutionError,
)
from .disposition import CaseDecision, Disposition, DispositionKind, decide_case
from .evaluate import compile_rulebook, evaluate
from .exemption_lists import LoadedExemptionList, exemption_list_from_json, exemption_list_to_json, load_exemption_list
from .factset import Facts
from .facts import (
    Case,
    CaseOutcome,
    Certificate,
    EnforcementItem,
    Event,
    Harm,
    ItemBasis,
    ItemOpinion,
    Level,
    Metric,
    Officer,
    Region,
    TaskReport,
    TrainingCategory,
    TrainingRecord,
    Unit,
    UnitKind,
)
from .findings import Finding, Rejection, Status
from .hookspecs import hookimpl
from .jurisdiction import Bodies, Declined, Intent, Jurisdiction, NamedBodies, Override, Repeal
from .limits import Limits
from .loading import facts_from_json, facts_to_json, load_facts, load_frames, load_tables, loads_facts
from .registry import Registry
from .output import write_report
from .report import REPORT_FORMAT_VERSION, Report
from .rulebook import FirstYear, ResolvedRule, Rulebook
from .rules import PLAN_PERIOD, Rule, Scope, Subject
from .scorecard import Scorecard, scorecard, write_scorecard
from .summary import Summary, attributed_findings, summarize

__version__ = "0.1.0"

__all__ = [
    "Bodies",
    "CST",
    "CalendarError",
    "Case",
    "CaseDecision",
    "CaseOutcome",
    "Certificate",
    "Citation",
    "CyclicJurisdiction",
    "Deadline",
    "DeadlineKind",
    "DeadlinePhraseError",
    "DeadlinePolicy",
    "DeclarationError",
    "Declined",
    "Disposition",
    "DispositionKind",
    "DuplicateRule",
    "EnforcementItem",
    "EnforcerulesError",
    "EngineError",
    "EngineUnavailable",
    "Event",
    "Facts",
    "FactsError",
    "Finding",
    "FirstYear",
    "Harm",
    "HolidayCalendar",
    "Intent",
    "ItemBasis",
    "ItemOpinion",
    "Jurisdiction",
    "Level",
    "Limits",
    "LoadedExemptionList",
    "Metric",
    "MidMonthReading",
    "MonthBeforeReading",
    "NamedBodies",
    "NamedDayReading",
    "Officer",
    "Override",
    "PLAN_PERIOD",
    "Period",
    "PluginError",
    "REPORT_FORMAT_VERSION",
    "Region",
    "Registry",
    "Rejection",
    "Repeal",
    "Report",
    "ResolutionError",
    "ResolvedRule",
    "Rule",
    "Rulebook",
    "Scope",
    "Scorecard",
    "SourceDocument",
    "Status",
    "Subject",
    "Summary",
    "TaskReport",
    "TrainingCategory",
    "TrainingRecord",
    "UNDATED_PHRASE",
    "Unit",
    "UnitKind",
    "UnknownJurisdiction",
    "UnknownRuleReference",
    "attributed_findings",
    "civil_code_period_end",
    "compile_rulebook",
    "cst_date",
    "decide_case",
    "evaluate",
    "exemption_list_from_json",
    "exemption_list_to_json",
    "facts_from_json",
    "facts_to_json",
    "hookimpl",
    "load_exemption_list",
    "load_facts",
    "load_frames",
    "load_rulebook",
    "load_tables",
    "loads_facts",
    "scorecard",
    "summarize",
    "write_report",
    "write_scorecard",
]
