//! The extractor's output: typed facts, each tied to the characters it came from.
//!
//! Inside the pipeline, spans are in code points of the analysis view; [`crate::Extractor`] maps
//! them to code points of the original text before returning an [`Extraction`].

use std::collections::BTreeSet;

use serde::Serialize;

use crate::article::{Region, Script};
use crate::date::{Date, PartialDate};
use crate::decimal::Decimal;
use crate::span::Span;

/// Index of an entity in [`Extraction::entities`].
pub type EntityId = usize;

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EntityKind {
    /// A person (`schema:Person`).
    Person,
    /// An organisation, public body, company, university, newspaper (`schema:Organization`).
    Organization,
    /// A country, region, city, district, venue or zone (`schema:Place`).
    Place,
    /// A named summit, forum, conference, expo, press conference (`schema:Event`).
    Event,
    /// A named policy, plan, programme, fund, concept or campaign (`tp:Initiative`).
    Initiative,
}

impl EntityKind {
    /// Short lowercase name, used in IRIs and renderings.
    #[must_use]
    pub fn slug(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "org",
            Self::Place => "place",
            Self::Event => "event",
            Self::Initiative => "initiative",
        }
    }

    /// Parses [`Self::slug`] and the lexicon spellings (`person`, `org`, `organization`, …).
    #[must_use]
    pub fn from_name(s: &str) -> Option<Self> {
        Some(match s.to_ascii_lowercase().as_str() {
            "person" => Self::Person,
            "org" | "organization" | "organisation" => Self::Organization,
            "place" => Self::Place,
            "event" => Self::Event,
            "initiative" => Self::Initiative,
            _ => return None,
        })
    }
}

/// One entity of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// What it is.
    pub kind: EntityKind,
    /// The canonical name as written in the article (its fullest form).
    pub label: String,
    /// The script-normalised canonical name: the same entity in Traditional and Simplified
    /// articles has the same key (and so the same IRI).
    pub key: String,
    /// Every other surface form in the article that refers to it (abbreviations, short names,
    /// surname + title), as written.
    pub aliases: BTreeSet<String>,
    /// Names in the other script, and lexicon names not written in this article.
    pub other_names: BTreeSet<String>,
    /// English name, when the lexicon knows it.
    pub english: Option<String>,
    /// Where it is mentioned.
    pub mentions: Vec<Span>,
    /// The larger organisation it belongs to (國務院港澳辦 → 國務院).
    pub part_of: Option<EntityId>,
}

/// A post held by a person (W3C ORG): 副主席 of 全國政協.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Post {
    /// The person.
    pub holder: EntityId,
    /// The bare title (副主席, 行政長官, 主任), as written.
    pub title: String,
    /// The organisation, when the text names it.
    pub org: Option<EntityId>,
    /// Where the title is written.
    pub span: Span,
}

/// What the article says about an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct EventDetails {
    /// The event entity.
    pub event: EntityId,
    /// Venues or places where it is held.
    pub locations: Vec<EntityId>,
    /// When it starts.
    pub start: Option<PartialDate>,
    /// How long it lasts, as an `xsd:duration` (`P2D`, `PT2H`).
    pub duration: Option<String>,
    /// Its theme (以「…」為主題), as written.
    pub theme: Option<String>,
    /// People who spoke at it.
    pub speakers: Vec<EntityId>,
    /// Organisations that hold, host or co-organise it.
    pub organisers: Vec<EntityId>,
}

/// What kind of quantity a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum FigureKind {
    /// An amount of money (`schema:MonetaryAmount`).
    Money,
    /// A count of things (84間重點企業) (`schema:QuantitativeValue`).
    Count,
    /// A measure with a unit (50公頃, 280EFLOPS) (`schema:QuantitativeValue`).
    Measure,
    /// A percentage or share (12.5%, 兩成, 三分之一) (`schema:QuantitativeValue`).
    Percent,
    /// A calendar year (2022年).
    Year,
    /// A date or day (14日, 7月2日).
    Date,
    /// A rank or ordinal (第四批, 排第二, 首位).
    Ordinal,
    /// A length of time (為期三天, 連續五年).
    Duration,
}

impl FigureKind {
    /// Whether this is a quantity (money, count, measure, share) rather than a time or rank.
    #[must_use]
    pub fn is_quantity(self) -> bool {
        matches!(self, Self::Money | Self::Count | Self::Measure | Self::Percent)
    }
}

/// How a figure relates to its number (超過 → more than).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Qualifier {
    /// 超過, 逾, 多於, …多, 餘: strictly more.
    MoreThan,
    /// 約, 近, 大約, 左右: about.
    Approximately,
    /// 至少, 不少於, 以上: the number or more (Chinese statistics count the number itself).
    AtLeast,
    /// 不超過, 最多, 以內, 以下: the number or less.
    AtMost,
    /// 不足, 少於: strictly less.
    LessThan,
}

impl Qualifier {
    /// The local name of the `tp:` individual.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::MoreThan => "MoreThan",
            Self::Approximately => "Approximately",
            Self::AtLeast => "AtLeast",
            Self::AtMost => "AtMost",
            Self::LessThan => "LessThan",
        }
    }

    /// Parses [`Self::name`].
    #[must_use]
    pub fn from_name(s: &str) -> Option<Self> {
        Some(match s {
            "MoreThan" => Self::MoreThan,
            "Approximately" => Self::Approximately,
            "AtLeast" => Self::AtLeast,
            "AtMost" => Self::AtMost,
            "LessThan" => Self::LessThan,
            _ => return None,
        })
    }
}

/// A number in the text, normalised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// Where it is written (the whole expression: 超過330間專注研發人工智能和大數據的初創企業).
    pub span: Span,
    /// The expression as written.
    pub text: String,
    /// What kind of quantity it is.
    pub kind: FigureKind,
    /// The normalised value (億 = 10^8, 萬 = 10^4; percent in percent).
    pub value: Decimal,
    /// Lower bound of a range (3至5年).
    pub min: Option<Decimal>,
    /// Upper bound of a range.
    pub max: Option<Decimal>,
    /// ISO 4217 currency of money.
    pub currency: Option<String>,
    /// The measure word or unit (間, 名, 個, 公頃, %).
    pub unit: Option<String>,
    /// What is counted (重點企業).
    pub counts: Option<String>,
    /// More than, about, at least…
    pub qualifier: Option<Qualifier>,
    /// The entity the figure is about.
    pub about: Option<EntityId>,
    /// The resolved date, for [`FigureKind::Date`] and [`FigureKind::Year`].
    pub date: Option<PartialDate>,
}

/// Something a person said (reported speech or a direct quote).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statement {
    /// Who said it, when known.
    pub speaker: Option<EntityId>,
    /// Where the speaker is named (or the pronoun/surname that stands for them).
    pub speaker_span: Option<Span>,
    /// The speech verb as written (表示, 指出, 致辭時表示).
    pub verb: String,
    /// The sentence (paragraph breaks inside it joined).
    pub text: String,
    /// Where the sentence is.
    pub span: Span,
    /// A direct quotation inside it («…» kept whole).
    pub quote: Option<String>,
}

/// One numbered point of a proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProposalItem {
    /// 1-based position.
    pub position: usize,
    /// The point's heading clause (順應時代的大勢).
    pub text: String,
    /// Where the point is.
    pub span: Span,
}

/// A statement that lists numbered points (四點建議; 一是…二是…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposal {
    /// Who made it.
    pub speaker: Option<EntityId>,
    /// The announcing phrase (提出四點建議), when there is one.
    pub verb: Option<String>,
    /// Number of points announced, or found.
    pub count: usize,
    /// The points in order.
    pub items: Vec<ProposalItem>,
    /// From the announcement to the end of the last point.
    pub span: Span,
    /// The announcing sentence.
    pub text: String,
}

/// A relation between two entities, mediated by a verb.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Relation {
    /// Subject.
    pub subject: EntityId,
    /// Object.
    pub object: EntityId,
    /// The `tp:` property (local name): `proposed`, `founded`, `organizerOf`, `signedWith`…
    pub property: String,
    /// The verb as written (提出, 簽署).
    pub predicate_text: String,
    /// The sentence it came from.
    pub span: Span,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Extraction {
    /// Script of the article.
    pub script: Script,
    /// Region the article reports from.
    pub region: Region,
    /// Headline, when the first line looks like one.
    pub headline: Option<String>,
    /// Publication date, when given.
    pub published: Option<Date>,
    /// Entities, ordered by first mention.
    pub entities: Vec<Entity>,
    /// Posts held by people.
    pub posts: Vec<Post>,
    /// What the article says about its events.
    pub events: Vec<EventDetails>,
    /// Figures, in text order.
    pub figures: Vec<Figure>,
    /// Reported statements, in text order.
    pub statements: Vec<Statement>,
    /// Numbered proposals, in text order.
    pub proposals: Vec<Proposal>,
    /// Relations between entities, in text order.
    pub relations: Vec<Relation>,
}
