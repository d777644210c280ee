//! The closed vocabularies of the codebook, each an enum whose data
//! spelling is written once, in the macro call.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant,)+
        }

        impl $name {
            /// Every value, in codebook order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];
            /// The values as written in the data, in codebook order.
            pub const NAMES: &'static [&'static str] = &[$($text,)+];

            /// The value as written in the data.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = String;

            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(format!(
                        "unknown {} {s:?}: expected one of {}",
                        stringify!($name).to_lowercase(),
                        Self::NAMES.join(", ")
                    )),
                }
            }
        }
    };
}

vocabulary! {
    /// How a summit was arranged.
    Format {
        /// A meeting arranged as a summit of the two sides.
        Bilateral = "bilateral",
        /// A distinct bilateral meeting on the sidelines of a gathering.
        Sideline = "sideline",
        /// A conference where both leaders met among others.
        Multilateral = "multilateral",
    }
}

vocabulary! {
    /// Whose soil a summit was on.
    HostSide {
        /// The first side's.
        SideA = "side_a",
        /// The second side's.
        SideB = "side_b",
        /// Neither's.
        ThirdCountry = "third_country",
    }
}

vocabulary! {
    /// The office a participant held at the time.
    Role {
        /// Head of state (president, monarch).
        HeadOfState = "head_of_state",
        /// Head of government (premier, prime minister).
        HeadOfGovernment = "head_of_government",
        /// Leader of a ruling party when that was the leader's post.
        PartyLeader = "party_leader",
        /// Foreign minister or secretary of state.
        ForeignMinister = "foreign_minister",
        /// Defence minister or secretary.
        DefenseMinister = "defense_minister",
        /// Finance minister or treasury secretary.
        FinanceMinister = "finance_minister",
        /// Economy, commerce or trade minister, trade representative.
        EconomyMinister = "economy_minister",
        /// National security adviser.
        NationalSecurityAdviser = "national_security_adviser",
        /// Chief of staff to the leader.
        ChiefOfStaff = "chief_of_staff",
        /// Special envoy or negotiator.
        Envoy = "envoy",
        /// Adviser or aide.
        Adviser = "adviser",
        /// Interpreter.
        Interpreter = "interpreter",
        /// Uniformed chief.
        Military = "military",
        /// Other named official.
        Official = "official",
        /// Anyone else.
        Other = "other",
    }
}

vocabulary! {
    /// A participant's area of responsibility.
    Portfolio {
        /// The two principals.
        Leader = "leader",
        /// Diplomacy: foreign ministers, ambassadors, national security advisers.
        Foreign = "foreign",
        /// Defence, intelligence, the military.
        Security = "security",
        /// Finance, economy, trade, energy, investment.
        Economic = "economic",
        /// Interpreters and note-takers: they render and record the talks,
        /// whatever ministry employs them.
        Interpreting = "interpreting",
        /// Everything else.
        Other = "other",
    }
}

vocabulary! {
    /// Which round of talks a participant sat in.
    Level {
        /// One of the two leaders.
        Principal = "principal",
        /// In the small-format meeting.
        Restricted = "restricted",
        /// In the wider delegation.
        Expanded = "expanded",
    }
}

vocabulary! {
    /// What kind of text a statement is.
    StatementKind {
        /// An agreed joint statement.
        JointStatement = "joint_statement",
        /// A joint declaration.
        JointDeclaration = "joint_declaration",
        /// A communiqué.
        Communique = "communique",
        /// Remarks to the press.
        PressRemarks = "press_remarks",
        /// A treaty or agreement text.
        Treaty = "treaty",
    }
}

vocabulary! {
    /// What kind of publisher a source is, by who published it.
    SourceTier {
        /// A government's own publication: a head of state's office, a
        /// foreign ministry, an official historian, a presidential
        /// library, a national archive.
        Official = "official",
        /// A collection of primary documents kept by others: the American
        /// Presidency Project, the National Security Archive, a digital
        /// archive of a university or foundation.
        Archive = "archive",
        /// A news agency, newspaper, magazine or broadcaster, on its own
        /// site.
        News = "news",
        /// A reference work: an encyclopedia, a gazetteer.
        Reference = "reference",
        /// Anything else: research institutes, blogs, personal and
        /// commercial sites.
        Other = "other",
    }
}

vocabulary! {
    /// The kind of a leader's visit to another country, as the official
    /// record words it (the US Office of Protocol's categories, then two
    /// of the record's own).
    VisitKind {
        /// A state visit: the highest ceremonial category.
        State = "state",
        /// An official visit.
        Official = "official",
        /// An official working visit.
        OfficialWorking = "official_working",
        /// A working visit.
        Working = "working",
        /// A private, informal or unofficial visit.
        Private = "private",
        /// Attendance at a gathering of several states: a summit, a
        /// conference, the UN General Assembly.
        Multilateral = "multilateral",
        /// Anything else the record names: a funeral, a vacation, a
        /// ceremony, a stop on the way.
        Other = "other",
    }
}

vocabulary! {
    /// Which of an armed conflict's two opposing camps a state fought in.
    /// The letters only tell the camps apart within one conflict.
    Camp {
        /// The first camp named for the conflict.
        A = "a",
        /// The camp opposing it.
        B = "b",
    }
}

vocabulary! {
    /// How a state took part in an armed conflict (UCDP's warring
    /// parties).
    WarRole {
        /// A principal belligerent: its government is a party to the
        /// dispute and its own forces fight.
        Primary = "primary",
        /// It sent regular troops to fight beside a primary party without
        /// being a party to the dispute itself.
        Secondary = "secondary",
    }
}

vocabulary! {
    /// How deadly an armed conflict became at its worst (UCDP's
    /// intensity levels).
    Intensity {
        /// At least 1,000 battle-related deaths in a calendar year.
        War = "war",
        /// At least 25, but under 1,000, in every calendar year.
        Minor = "minor",
    }
}

vocabulary! {
    /// What a sanctions regime restricts.
    SanctionScope {
        /// Almost all trade and financial dealings: an embargo.
        Comprehensive = "comprehensive",
        /// Whole sectors: energy, finance, defence, technology, exports
        /// of controlled goods.
        Sectoral = "sectoral",
        /// Named persons and entities only.
        Targeted = "targeted",
        /// The target's trade status: tariff treatment or credits denied.
        Trade = "trade",
    }
}

vocabulary! {
    /// What a court or prosecutor issued against a person.
    WarrantKind {
        /// A warrant for the person's arrest.
        ArrestWarrant = "arrest_warrant",
        /// A formal charge (indictment) without a warrant made public.
        Indictment = "indictment",
    }
}

vocabulary! {
    /// What a row of `unsettled.csv` says was looked for and not settled:
    /// an outcome field, or a side's delegation.
    UnsettledField {
        /// `joint_statement` of `outcomes.csv`.
        JointStatement = "joint_statement",
        /// `joint_press_conference` of `outcomes.csv`.
        JointPressConference = "joint_press_conference",
        /// `press_questions_taken` of `outcomes.csv`.
        PressQuestionsTaken = "press_questions_taken",
        /// `agreements_signed` of `outcomes.csv`.
        AgreementsSigned = "agreements_signed",
        /// `follow_up_agreed` of `outcomes.csv`.
        FollowUpAgreed = "follow_up_agreed",
        /// `ceasefire_announced` of `outcomes.csv`.
        CeasefireAnnounced = "ceasefire_announced",
        /// Anyone of one side (the row's `side`) beyond its leader, in
        /// `participants.csv`.
        Delegation = "delegation",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_from_str() {
        for p in Portfolio::ALL {
            assert_eq!(p.as_str().parse::<Portfolio>(), Ok(*p));
        }
        assert_eq!(Role::ALL.len(), Role::NAMES.len());
    }

    #[test]
    fn unknown_values_are_rejected_with_the_vocabulary() {
        let err = "summit".parse::<Format>().unwrap_err();
        assert_eq!(
            err,
            "unknown format \"summit\": expected one of bilateral, sideline, multilateral"
        );
    }
}
