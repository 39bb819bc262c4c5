//! A Fenwick (binary indexed) tree of counts: draws a ticket uniformly without replacement.
//!
//! Used to pick vacancies: a firm with `v` open vacancies holds `v` tickets, and each hire takes
//! one ticket uniformly among those left, in O(log n).

/// Counts with prefix sums, supporting "find the k-th ticket" and "remove one ticket".
#[derive(Clone, Debug, Default)]
pub struct Fenwick {
    tree: Vec<u32>,
    total: u64,
}

impl Fenwick {
    /// Builds the tree from per-entry counts in O(n).
    pub fn from_counts(counts: &[u32]) -> Fenwick {
        let n = counts.len();
        let mut tree = vec![0u32; n + 1];
        let mut total = 0u64;
        for (i, &c) in counts.iter().enumerate() {
            total += u64::from(c);
            let j = i + 1;
            tree[j] += c;
            let parent = j + (j & j.wrapping_neg());
            if parent <= n {
                tree[parent] += tree[j];
            }
        }
        Fenwick { tree, total }
    }

    /// Tickets left.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// The entry holding ticket number `k` (0-based, `k < total`).
    pub fn find(&self, mut k: u32) -> usize {
        let n = self.tree.len() - 1;
        let mut pos = 0usize;
        let mut step = if n == 0 {
            0
        } else {
            1usize << (usize::BITS - 1 - n.leading_zeros())
        };
        while step > 0 {
            let next = pos + step;
            if next <= n && self.tree[next] <= k {
                k -= self.tree[next];
                pos = next;
            }
            step >>= 1;
        }
        pos
    }

    /// Removes one ticket from entry `i`.
    pub fn remove_one(&mut self, i: usize) {
        let n = self.tree.len() - 1;
        let mut j = i + 1;
        while j <= n {
            self.tree[j] -= 1;
            j += j & j.wrapping_neg();
        }
        self.total -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_tickets_in_order_and_removes() {
        let counts = [2, 0, 3, 1];
        let mut f = Fenwick::from_counts(&counts);
        assert_eq!(f.total(), 6);
        let owners: Vec<usize> = (0..6).map(|k| f.find(k)).collect();
        assert_eq!(owners, vec![0, 0, 2, 2, 2, 3]);
        f.remove_one(2);
        f.remove_one(0);
        let owners: Vec<usize> = (0..4).map(|k| f.find(k)).collect();
        assert_eq!(owners, vec![0, 2, 2, 3]);
    }

    #[test]
    fn matches_naive_counts_on_many_sizes() {
        for n in 1..40usize {
            let counts: Vec<u32> = (0..n).map(|i| ((i * 7) % 5) as u32).collect();
            let f = Fenwick::from_counts(&counts);
            let mut k = 0u32;
            for (i, &c) in counts.iter().enumerate() {
                for _ in 0..c {
                    assert_eq!(f.find(k), i);
                    k += 1;
                }
            }
        }
    }
}
