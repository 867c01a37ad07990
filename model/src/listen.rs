//! Reading an edition aloud: what is read, in which order, and the player's states.

use crate::edition::{Block, Edition, Inline};

/// Where a part read aloud is on screen, so the widget can mark it while it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpokenTarget {
    Headline,
    Standfirst,
    /// The block with this id.
    Block(String),
}

/// One utterance: a part of the edition and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpokenPart {
    pub target: SpokenTarget,
    pub text: String,
}

/// What is read aloud, in order: the headline, the standfirst, then each block that has text
/// (a quote with its source, an image by its caption, an HTML block as the text it shows,
/// given by `html_text`). Parts without text are left out.
pub fn spoken_parts(edition: &Edition, html_text: impl Fn(&str) -> String) -> Vec<SpokenPart> {
    let runs = |content: &[Inline]| content.iter().map(Inline::text).collect::<String>();
    let mut parts = vec![(SpokenTarget::Headline, edition.headline.clone())];
    if let Some(standfirst) = &edition.standfirst {
        parts.push((SpokenTarget::Standfirst, standfirst.clone()));
    }
    for block in &edition.body {
        let text = match block {
            Block::Paragraph { content, .. } | Block::Heading { content, .. } => runs(content),
            Block::Quote { content, cite, .. } => match cite {
                Some(cite) => format!("{} — {cite}", runs(content)),
                None => runs(content),
            },
            Block::Image { caption, .. } => caption.clone().unwrap_or_default(),
            Block::Html { html, .. } => html_text(html),
            Block::More { .. } | Block::Unknown => String::new(),
        };
        if let Some(id) = block.id() {
            parts.push((SpokenTarget::Block(id.to_string()), text));
        }
    }
    parts
        .into_iter()
        .map(|(target, text)| SpokenPart {
            target,
            text: text.split_whitespace().collect::<Vec<_>>().join(" "),
        })
        .filter(|part| !part.text.is_empty())
        .collect()
}

/// The player: stopped, or reading one part (paused or not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Player {
    #[default]
    Stopped,
    Reading {
        part: usize,
        paused: bool,
    },
}

/// What the reader (or the speech engine) did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlayerAction {
    Play,
    Pause,
    Resume,
    Stop,
    /// The part being read was read to its end.
    PartEnded,
}

/// What the speech engine must do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeechCommand {
    /// Read this part (the previous one is over).
    Speak(usize),
    Pause,
    Resume,
    /// Stop reading; `finished` when the last part was read to its end.
    Cancel {
        finished: bool,
    },
}

impl Player {
    /// Applies `action` to a player of `parts` parts; the command for the speech engine, if
    /// any. Actions that make no sense in the current state change nothing.
    pub fn apply(&mut self, action: PlayerAction, parts: usize) -> Option<SpeechCommand> {
        let (next, command) = match (*self, action) {
            (Player::Stopped, PlayerAction::Play) if parts > 0 => (
                Player::Reading {
                    part: 0,
                    paused: false,
                },
                SpeechCommand::Speak(0),
            ),
            (
                Player::Reading {
                    part,
                    paused: false,
                },
                PlayerAction::Pause,
            ) => (Player::Reading { part, paused: true }, SpeechCommand::Pause),
            (Player::Reading { part, paused: true }, PlayerAction::Resume) => (
                Player::Reading {
                    part,
                    paused: false,
                },
                SpeechCommand::Resume,
            ),
            (Player::Reading { .. }, PlayerAction::Stop) => {
                (Player::Stopped, SpeechCommand::Cancel { finished: false })
            }
            (Player::Reading { part, .. }, PlayerAction::PartEnded) if part + 1 < parts => (
                Player::Reading {
                    part: part + 1,
                    paused: false,
                },
                SpeechCommand::Speak(part + 1),
            ),
            (Player::Reading { .. }, PlayerAction::PartEnded) => {
                (Player::Stopped, SpeechCommand::Cancel { finished: true })
            }
            _ => return None,
        };
        *self = next;
        Some(command)
    }

    /// The part being read, paused or not.
    pub fn part(self) -> Option<usize> {
        match self {
            Player::Reading { part, .. } => Some(part),
            Player::Stopped => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn play_reads_every_part_in_turn_then_stops() {
        let mut player = Player::default();
        assert_eq!(player.apply(PlayerAction::PartEnded, 3), None);
        assert_eq!(
            player.apply(PlayerAction::Play, 3),
            Some(SpeechCommand::Speak(0))
        );
        assert_eq!(player.apply(PlayerAction::Play, 3), None, "already reading");
        assert_eq!(
            player.apply(PlayerAction::PartEnded, 3),
            Some(SpeechCommand::Speak(1))
        );
        assert_eq!(
            player.apply(PlayerAction::PartEnded, 3),
            Some(SpeechCommand::Speak(2))
        );
        assert_eq!(player.part(), Some(2));
        assert_eq!(
            player.apply(PlayerAction::PartEnded, 3),
            Some(SpeechCommand::Cancel { finished: true })
        );
        assert_eq!(player, Player::Stopped);
        assert_eq!(
            Player::default().apply(PlayerAction::Play, 0),
            None,
            "nothing to read"
        );
    }

    #[test]
    fn pause_resume_and_stop() {
        let mut player = Player::default();
        player.apply(PlayerAction::Play, 3);
        player.apply(PlayerAction::PartEnded, 3);
        assert_eq!(player.apply(PlayerAction::Resume, 3), None, "not paused");
        assert_eq!(
            player.apply(PlayerAction::Pause, 3),
            Some(SpeechCommand::Pause)
        );
        assert_eq!(
            player,
            Player::Reading {
                part: 1,
                paused: true
            }
        );
        assert_eq!(player.apply(PlayerAction::Pause, 3), None);
        assert_eq!(
            player.apply(PlayerAction::Resume, 3),
            Some(SpeechCommand::Resume)
        );
        assert_eq!(
            player.apply(PlayerAction::Stop, 3),
            Some(SpeechCommand::Cancel { finished: false })
        );
        assert_eq!(player.apply(PlayerAction::Stop, 3), None);
        assert_eq!(player.part(), None);
    }
}
