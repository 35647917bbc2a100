//! A fixed-capacity ring buffer that keeps the most recent values (for example the last N log lines).

/// Keeps at most `capacity` values; pushing onto a full buffer drops the oldest one.
pub struct RingBuffer<T> {
    slots: Vec<Option<T>>,
    start: usize,
    len: usize,
}

impl<T: Clone> RingBuffer<T> {
    /// An empty buffer. Panics when `capacity` is zero.
    pub fn new(capacity: usize) -> Self {
        assert!(capacity > 0, "capacity must be positive");
        RingBuffer { slots: (0..capacity).map(|_| None).collect(), start: 0, len: 0 }
    }

    pub fn capacity(&self) -> usize {
        self.slots.len()
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Append `value`, dropping the oldest value when the buffer is full.
    pub fn push(&mut self, value: T) {
        let capacity = self.capacity();
        let end = (self.start + self.len) % capacity;
        self.slots[end] = Some(value);
        if self.len + 1 < capacity {
            self.len += 1;
        } else {
            self.start = (self.start + 1) % capacity;
        }
    }

    /// All values, oldest first.
    pub fn to_vec(&self) -> Vec<T> {
        (0..self.len)
            .map(|i| self.slots[(self.start + i) % self.capacity()].clone().expect("slot in range is filled"))
            .collect()
    }

    /// The `n` most recent values, oldest first (all of them when `n >= len`).
    pub fn last(&self, n: usize) -> Vec<T> {
        let all = self.to_vec();
        let skip = all.len().saturating_sub(n);
        all[skip..].to_vec()
    }
}
