//! Series colours and marker shapes, shared by the app's plot and the exported chart
//! so an entity has the same colour on screen and on the slide.

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// Distinguishable series colours (Okabe-Ito, colour-blind safe, plus extras).
pub const PALETTE: [Rgb; 10] = [
    [0, 114, 178],
    [213, 94, 0],
    [0, 158, 115],
    [204, 121, 167],
    [230, 159, 0],
    [86, 180, 233],
    [120, 94, 240],
    [160, 110, 60],
    [90, 90, 90],
    [200, 60, 60],
];

/// Colours for entities beyond the first ten: none of them is in [`PALETTE`], so a hashed
/// colour never takes the colour of one of the corpus's most mentioned entities.
pub const EXTRA_PALETTE: [Rgb; 8] = [
    [128, 128, 0],
    [0, 128, 128],
    [140, 30, 80],
    [40, 60, 150],
    [100, 170, 40],
    [150, 70, 160],
    [170, 70, 40],
    [70, 110, 130],
];

/// A colour that stays the same for the same name across runs and corpora (from
/// [`EXTRA_PALETTE`]).
pub fn stable_color(name: &str) -> Rgb {
    // FNV-1a: stable across platforms and versions, unlike `DefaultHasher`.
    let mut h: u32 = 0x811c_9dc5;
    for b in name.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    EXTRA_PALETTE[(h as usize) % EXTRA_PALETTE.len()]
}

/// Colour of an entity: the most mentioned entities of a corpus (lowest ids) get
/// distinct palette colours; the rest a stable hash of the name.
pub fn entity_color(rank: usize, name: &str) -> Rgb {
    PALETTE.get(rank).copied().unwrap_or_else(|| stable_color(name))
}

/// Marker shape of a series (its actor's): two actors toward one target stay apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    /// ●
    Circle,
    /// ◆
    Diamond,
    /// ■
    Square,
    /// ▲
    Up,
    /// ▼
    Down,
}

impl Shape {
    /// The shape of actor number `actor_index`.
    pub fn of_actor(actor_index: usize) -> Shape {
        const SHAPES: [Shape; 5] = [Shape::Circle, Shape::Diamond, Shape::Square, Shape::Up, Shape::Down];
        SHAPES[actor_index % SHAPES.len()]
    }

    /// The glyph that stands for the shape in text.
    pub fn glyph(self) -> char {
        match self {
            Shape::Circle => '●',
            Shape::Diamond => '◆',
            Shape::Square => '■',
            Shape::Up => '▲',
            Shape::Down => '▼',
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_stable_and_ranked_entities_distinct() {
        assert_eq!(stable_color("Kazakhstan"), stable_color("Kazakhstan"));
        let first: std::collections::HashSet<Rgb> = (0..PALETTE.len()).map(|i| entity_color(i, "x")).collect();
        assert_eq!(first.len(), PALETTE.len());
        assert_eq!(entity_color(500, "Kazakhstan"), stable_color("Kazakhstan"));
        assert_ne!(Shape::of_actor(0), Shape::of_actor(1));
        assert_eq!(Shape::of_actor(5), Shape::of_actor(0));
    }

    #[test]
    fn hashed_colours_never_take_a_ranked_entitys_colour() {
        for name in ["Peace process", "Kazakhstan", "Tokayev", "United Nations", "x"] {
            assert!(!PALETTE.contains(&stable_color(name)), "{name}");
            assert_eq!(entity_color(40, name), stable_color(name));
        }
    }
}
