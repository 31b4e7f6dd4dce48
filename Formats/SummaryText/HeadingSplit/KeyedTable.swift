/// Values by 64-bit key, in an open-addressing table: the splitter's keys are hashes or small slot
/// numbers already, so a multiply places them, where a `Dictionary` or `Set` would hash each key again
/// for every word of every chapter. A missing key reads as `absent`.
struct KeyedTable<Value> {
    /// Key per position, 0 where empty (key 0 itself lives in `zeroValue`); a power of two long, at most half full.
    private var keys: [UInt64]
    private var values: [Value]
    private var zeroValue: Value?
    private var shift: UInt64
    private var stored = 0
    private let absent: Value

    init(absent: Value, capacity: Int = 128) {
        var bits = 4
        while 1 << bits < 2 * capacity { bits += 1 }
        keys = [UInt64](repeating: 0, count: 1 << bits)
        values = [Value](repeating: absent, count: 1 << bits)
        shift = UInt64(64 - bits)
        self.absent = absent
    }

    subscript(key: UInt64) -> Value {
        if key == 0 { return zeroValue ?? absent }
        var position = position(of: key)
        while true {
            let stored = keys[position]
            if stored == key { return values[position] }
            if stored == 0 { return absent }
            position = (position + 1) & (keys.count - 1)
        }
    }

    /// Changes the value of `key` (starting from `absent` when it has none).
    mutating func update(_ key: UInt64, _ change: (inout Value) -> Void) {
        if key == 0 {
            var value = zeroValue ?? absent
            change(&value)
            zeroValue = value
            return
        }
        if 2 * (stored + 1) > keys.count { grow() }
        var position = position(of: key)
        while keys[position] != 0 && keys[position] != key { position = (position + 1) & (keys.count - 1) }
        if keys[position] == 0 {
            keys[position] = key
            stored += 1
        }
        change(&values[position])
    }

    private func position(of key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Value](repeating: absent, count: oldKeys.count * 2)
        shift -= 1
        for (key, value) in zip(oldKeys, oldValues) where key != 0 {
            var position = position(of: key)
            while keys[position] != 0 { position = (position + 1) & (keys.count - 1) }
            keys[position] = key
            values[position] = value
        }
    }
}

extension KeyedTable: Sendable where Value: Sendable {}
