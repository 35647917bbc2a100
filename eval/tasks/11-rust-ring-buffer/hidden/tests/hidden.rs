use ringlog::RingBuffer;

// The visible test file must stay as it was: a fix that edits or deletes it is not a fix.
const VISIBLE: &str = include_str!("ring.rs");
const VISIBLE_FNV1A: u64 = 0x8028c46ad09d6ea7;

fn fnv1a(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf29ce484222325;
    for byte in text.replace("\r\n", "\n").bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x100000001b3);
    }
    hash
}

#[test]
fn visible_tests_unchanged() {
    assert_eq!(fnv1a(VISIBLE), VISIBLE_FNV1A, "tests/ring.rs was changed");
}

#[test]
fn capacity_one_keeps_the_newest() {
    let mut ring = RingBuffer::new(1);
    ring.push(10);
    assert_eq!(ring.to_vec(), vec![10]);
    ring.push(11);
    assert_eq!(ring.to_vec(), vec![11]);
    assert_eq!(ring.len(), 1);
}

#[test]
fn behaves_like_a_bounded_queue() {
    for capacity in 1..=6 {
        let mut ring = RingBuffer::new(capacity);
        let mut model: Vec<u32> = Vec::new();
        for value in 0..20u32 {
            ring.push(value);
            model.push(value);
            if model.len() > capacity {
                model.remove(0);
            }
            assert_eq!(ring.to_vec(), model, "capacity {capacity} after {value}");
            assert_eq!(ring.len(), model.len());
            assert_eq!(ring.last(2), model[model.len().saturating_sub(2)..].to_vec());
        }
    }
}
