use ringlog::RingBuffer;

#[test]
fn fills_up_to_capacity() {
    let mut ring = RingBuffer::new(3);
    for value in 1..=3 {
        ring.push(value);
    }
    assert_eq!(ring.len(), 3);
    assert_eq!(ring.to_vec(), vec![1, 2, 3]);
}

#[test]
fn drops_the_oldest_when_full() {
    let mut ring = RingBuffer::new(3);
    for value in 1..=5 {
        ring.push(value);
    }
    assert_eq!(ring.to_vec(), vec![3, 4, 5]);
}

#[test]
fn last_n() {
    let mut ring = RingBuffer::new(4);
    for value in ["a", "b", "c"] {
        ring.push(value.to_string());
    }
    assert_eq!(ring.last(2), vec!["b", "c"]);
    assert_eq!(ring.last(10), vec!["a", "b", "c"]);
}
