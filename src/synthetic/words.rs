//! The vocabulary of the synthetic dataset: place-name parts, the bundled
//! themes and abbreviations, and phrases from the evaluation's own language.

use crate::dataset::Kind;

pub(super) const PLACE_HEADS: &[&str] = &[
    "Ash", "Brad", "Castle", "Dun", "East", "Fair", "Glen", "High", "Kings", "Lang", "Market", "North", "Oak", "Port",
    "Queens", "Red", "South", "Stan", "Thorn", "Upper", "West", "Wick", "Whit", "Bright", "Elm", "Hazel", "Mill",
    "Stone", "Black", "Green", "Bel", "Chel", "Dor", "Hol", "Lyn", "Nor", "Pen", "Roch", "Sal", "Tam",
];
pub(super) const PLACE_TAILS: &[&str] = &[
    "ford", "ley", "ton", "bury", "field", "wood", "moor", "dale", "worth", "ham", "well", "by", "mouth", "wick",
    "gate", "stead", "combe", "hurst", "bridge", "borough",
];
pub(super) const CENTRE_TAILS: &[&str] = &[
    "", "", "", " Park", " Green", " Road", " Hill", " Vale", " Lane", " Fields", " Central",
];

pub(super) const THEMES: &[(&str, &str, &[&str])] = &[
    (
        "outreach",
        "Outreach and engagement",
        &["engagement", "hard-to-reach", "outreach work"],
    ),
    (
        "partnership",
        "Partnership working",
        &["multi-agency", "partners", "joint working"],
    ),
    (
        "personal-adviser",
        "The Personal Adviser role",
        &["PA", "adviser", "advisor"],
    ),
    ("jobcentre-plus", "Jobcentre Plus services", &["JCP", "jobcentre"]),
    (
        "childcare",
        "Childcare",
        &["crèche", "creche", "nursery", "childminder"],
    ),
    (
        "training-skills",
        "Training and skills",
        &["skills", "courses", "adult learning"],
    ),
    (
        "volunteering-mentoring",
        "Volunteering and mentoring",
        &["volunteer", "mentor", "parent champion"],
    ),
    (
        "benefits",
        "Benefits and tax credits",
        &["tax credits", "IS", "JSA", "IB", "better-off calculation"],
    ),
    (
        "employers",
        "Employer engagement",
        &["employer", "vacancies", "jobs pledge"],
    ),
    (
        "barriers",
        "Implementation barriers",
        &["constraints", "obstacles", "delays"],
    ),
    ("cultural-differences", "Cultural differences", &["culture", "ethos"]),
    ("lone-parents", "Lone parents", &["single parents"]),
    (
        "worklessness",
        "Worklessness and deprivation",
        &["deprivation", "unemployment", "workless households"],
    ),
    (
        "labour-market",
        "Local labour market",
        &["recession", "jobs", "economy"],
    ),
    (
        "centre-users",
        "Children's centre users",
        &["users", "parents", "visits"],
    ),
    ("survey", "Baseline survey", &["respondents", "questionnaire"]),
    ("fathers", "Fathers and men", &["dads", "men", "male carers"]),
    (
        "bme",
        "Ethnic minority and migrant parents",
        &["BME", "ethnic minority", "ESOL", "language"],
    ),
    (
        "work-focused",
        "Work-focused services",
        &["WFI", "job search", "work-focused interview"],
    ),
    (
        "sustained-work",
        "Into and sustaining work",
        &["job outcomes", "self-employment", "in-work support"],
    ),
    (
        "targets-outcomes",
        "Targets and outcomes",
        &["targets", "outcomes", "MI"],
    ),
    (
        "management-staffing",
        "Management and staffing",
        &["co-ordinator", "steering group", "staffing"],
    ),
    (
        "publicity",
        "Publicity and promotion",
        &["marketing", "leaflets", "events"],
    ),
    (
        "health-wellbeing",
        "Health and wellbeing",
        &["confidence", "wellbeing", "family support"],
    ),
];

pub(super) const GLOSSARY: &[(&str, &str)] = &[
    ("JCP", "Jobcentre Plus"),
    ("PA", "Personal Adviser"),
    ("IB", "Incapacity Benefit"),
    ("IS", "Income Support"),
    ("JSA", "Jobseeker's Allowance"),
    ("WFI", "Work-focused interview"),
    ("BME", "Black and minority ethnic"),
    ("ESOL", "English for Speakers of Other Languages"),
    ("MI", "Management information"),
    ("LA", "Local authority"),
];

pub(super) const ACTORS: &[&str] = &[
    "The Personal Adviser",
    "Centre staff",
    "Jobcentre Plus",
    "The steering group",
    "The project co-ordinator",
    "Outreach workers",
    "Partner agencies",
    "The local authority",
    "Health visitors",
    "Family support workers",
    "The pilot team",
    "Parent champions",
    "Local employers",
    "Training providers",
    "The JCP adviser",
    "Lone parents",
    "Fathers",
    "Parents",
    "The centre manager",
    "Volunteers",
];
pub(super) const VERBS: &[&str] = &[
    "reported",
    "developed",
    "delivered",
    "identified",
    "promoted",
    "supported",
    "struggled to arrange",
    "set up",
    "reviewed",
    "extended",
    "offered",
    "targeted",
    "valued",
    "questioned",
    "expanded",
    "relied on",
    "welcomed",
];
pub(super) const OBJECTS: &[(&str, &str)] = &[
    ("work-focused interviews", "work-focused"),
    ("better-off calculations", "benefits"),
    ("volunteering placements", "volunteering-mentoring"),
    ("childcare places", "childcare"),
    ("training courses", "training-skills"),
    ("links with local employers", "employers"),
    ("drop-in sessions", "outreach"),
    ("outreach work on the estates", "outreach"),
    ("job search support", "work-focused"),
    ("confidence-building courses", "health-wellbeing"),
    ("ESOL classes", "bme"),
    ("referrals to Jobcentre Plus", "jobcentre-plus"),
    ("in-work benefit advice", "benefits"),
    ("crèche provision", "childcare"),
    ("basic skills provision", "training-skills"),
    ("a jobs pledge with employers", "employers"),
    ("home visits", "outreach"),
    ("monthly steering group meetings", "management-staffing"),
    ("the core offer", "work-focused"),
    ("management information on job outcomes", "targets-outcomes"),
    ("leaflets and open days", "publicity"),
    ("sessions for dads", "fathers"),
    ("support for lone parents", "lone-parents"),
    ("joint working with partners", "partnership"),
];
pub(super) const QUALIFIERS: &[&str] = &[
    "in the first months of the pilot",
    "across the pilot area",
    "despite the recession",
    "at the children's centre",
    "through existing networks",
    "for workless households",
    "with mixed success",
    "alongside partner agencies",
    "before the pilot began",
    "for parents claiming IB or IS",
    "where childcare was available",
    "in areas of high deprivation",
    "during school hours",
    "for lone parents on Income Support",
    "in partnership with JCP",
    "once the adviser was in post",
    "as targets were revised",
];
pub(super) const CLAIMS: &[&str] = &[
    "parents were wary of Jobcentre Plus",
    "childcare costs remained a barrier",
    "take-up was lower than expected",
    "the adviser's role needed clearer objectives",
    "referrals rose once staff were co-located",
    "engaging fathers took longer than planned",
    "targets were hard to meet",
    "cultural differences slowed joint working",
    "parents valued informal contact",
    "the recession reduced local vacancies",
    "few parents had heard of the pilot",
    "volunteering was a first step towards work",
];
pub(super) const ROLES: &[&str] = &[
    "centre manager",
    "Personal Adviser",
    "co-ordinator",
    "evaluator",
    "outreach worker",
];
pub(super) const GROUPS: &[&str] = &[
    "lone parents",
    "fathers",
    "workless families",
    "BME parents",
    "young parents",
    "centre users",
    "local employers",
    "partner agencies",
    "parents on IB",
    "JSA claimants",
];
pub(super) const TITLE_HEADS: &[&str] = &[
    "Early", "Planned", "Reported", "Limited", "Growing", "New", "Local", "Shared",
];
pub(super) const CONNECTORS: &[&str] = &["for", "in", "with", "among", "through", "and"];
pub(super) const SECTIONS: &[&str] = &[
    "Partnership working",
    "Engagement and outreach",
    "Early implementation",
    "Survey of centre users",
    "Key findings",
];
pub(super) const SURVEY_GROUPS: &[&str] = &[
    "lone parents",
    "women",
    "not in paid work",
    "claiming benefits",
    "from minority ethnic groups",
    "aged under 25",
];
pub(super) const KINDS: &[Kind] = &[
    Kind::BaselineFinding,
    Kind::CaseStudyFinding,
    Kind::Background,
    Kind::View,
    Kind::View,
    Kind::Observation,
    Kind::Engagement,
    Kind::MultiAgency,
    Kind::BidAim,
    Kind::BidElement,
    Kind::Activity,
    Kind::Context,
    Kind::SurveyFigure,
    Kind::Hope,
    Kind::Risk,
    Kind::Facilitator,
    Kind::Constraint,
    Kind::Outcome,
    Kind::Conclusion,
    Kind::NextStage,
    Kind::Target,
];
