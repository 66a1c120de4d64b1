//! Thinning what a plot draws to what the screen can show: markers that would land on the
//! same pixel with the same look are drawn once, and a polyline keeps, per pixel column, the
//! points that shape it (first, lowest, highest, last). The picture is the same; the work per
//! frame is bounded by the pixels, not by the number of events. Screen units in, indices out.

use std::collections::HashSet;

/// Indices of the markers to draw: the first of each group that shares a look (`class`:
/// size and fill) and a pixel (x and y rounded). Later markers of a group would be drawn
/// exactly over the first.
pub fn thin_markers(markers: &[(f64, f64, u8)]) -> Vec<usize> {
    let mut seen: HashSet<(u8, i64, i64)> = HashSet::with_capacity(markers.len().min(1 << 16));
    markers
        .iter()
        .enumerate()
        .filter(|(_, (x, y, class))| seen.insert((*class, x.round() as i64, y.round() as i64)))
        .map(|(i, _)| i)
        .collect()
}

/// Indices of the vertices of a polyline to keep, in order: within each run of consecutive
/// vertices in one pixel column, the first, the lowest, the highest and the last (the "M4"
/// reduction), which draws the same line at that resolution.
pub fn thin_polyline(points: &[(f64, f64)]) -> Vec<usize> {
    let mut keep = Vec::new();
    let mut i = 0;
    while i < points.len() {
        let column = points[i].0.round() as i64;
        let mut j = i;
        let (mut lo, mut hi) = (i, i);
        while j + 1 < points.len() && points[j + 1].0.round() as i64 == column {
            j += 1;
            if points[j].1 < points[lo].1 {
                lo = j;
            }
            if points[j].1 > points[hi].1 {
                hi = j;
            }
        }
        let mut run = [i, lo, hi, j];
        run.sort_unstable();
        for k in run {
            if keep.last() != Some(&k) {
                keep.push(k);
            }
        }
        i = j + 1;
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_on_one_pixel_with_one_look_are_drawn_once() {
        let markers = [
            (10.2, 20.1, 4),
            (10.4, 19.8, 4), // same pixel, same look
            (10.4, 19.8, 8), // same pixel, bigger
            (11.0, 20.0, 4), // next pixel
            (10.0, 20.0, 4), // same pixel as the first
        ];
        assert_eq!(thin_markers(&markers), vec![0, 2, 3]);
    }

    #[test]
    fn a_thinned_polyline_keeps_each_columns_extremes_and_ends() {
        // Column 0: 5 vertices; column 1: one; column 2: 3.
        let pts = [
            (0.0, 5.0),
            (0.1, 9.0),
            (0.2, 1.0),
            (0.3, 4.0),
            (0.4, 6.0),
            (1.0, 3.0),
            (2.0, 2.0),
            (2.1, 2.0),
            (2.2, 7.0),
        ];
        assert_eq!(thin_polyline(&pts), vec![0, 1, 2, 4, 5, 6, 8]);
        // Every vertex kept when each has its own column.
        let sparse: Vec<(f64, f64)> = (0..20).map(|i| (f64::from(i) * 3.0, f64::from(i % 4))).collect();
        assert_eq!(thin_polyline(&sparse), (0..20).collect::<Vec<_>>());
        assert!(thin_polyline(&[]).is_empty());
    }

    #[test]
    fn thinning_a_dense_series_bounds_it_by_the_pixels() {
        // 200,000 markers over 700 × 300 pixels with three looks: at most one per pixel and look.
        let mut state = 7u64;
        let markers: Vec<(f64, f64, u8)> = (0..200_000)
            .map(|_| {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let x = (state >> 33) % 7000;
                let y = (state >> 13) % 3000;
                (x as f64 / 10.0, y as f64 / 10.0, (state % 3) as u8)
            })
            .collect();
        let kept = thin_markers(&markers);
        assert!(kept.len() <= 701 * 301 * 3, "{}", kept.len());
        assert!(kept.len() < markers.len());
        // Every dropped marker has a kept one of the same look on its pixel.
        let px = |i: usize| (markers[i].2, markers[i].0.round() as i64, markers[i].1.round() as i64);
        let kept_px: HashSet<_> = kept.iter().map(|&i| px(i)).collect();
        assert!((0..markers.len()).all(|i| kept_px.contains(&px(i))));
    }
}
