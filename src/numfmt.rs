//! Figures written without float noise, for every place that prints a number: the
//! site's pages, charts and data files, and the YAML drafts `plansite extract` writes.
//!
//! A leaf module, so that modules that must not depend on one another (render and
//! extract) can both use it.

/// A number with at most `decimals` decimals and no trailing zeros: 2600, 8.8, 4533.21.
pub fn plain(v: f64, decimals: usize) -> String {
    // Whole numbers, by far the most common figures, skip float formatting.
    if v.fract() == 0.0 && v.abs() < 1e15 {
        return if v == 0.0 {
            "0".into()
        } else {
            itoa::Buffer::new().format(v as i64).to_string()
        };
    }
    // The shortest form that reads back as `v` is exact when it has few decimals.
    let shortest = v.to_string();
    if !shortest.contains('e')
        && shortest
            .split_once('.')
            .is_some_and(|(_, frac)| frac.len() <= decimals)
    {
        return shortest;
    }
    let s = format!("{v:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" { "0".into() } else { s }
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn plain_numbers_have_no_float_noise() {
        assert_eq!(plain(2600.0, 4), "2600");
        assert_eq!(plain(1.2, 4), "1.2");
        assert_eq!(plain(-0.0, 2), "0");
        assert_eq!(plain(0.1 + 0.2, 6), "0.3");
        assert_eq!(plain(4533.214, 2), "4533.21");
    }
}
