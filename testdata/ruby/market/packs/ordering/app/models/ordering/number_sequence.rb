module Ordering
  # Order numbers from a table of counters (one row per sequence).
  module NumberSequence
    NEXT_SQL = "UPDATE ordering_sequences SET value = value + 1 WHERE name = $1 RETURNING value".freeze

    def self.next(name)
      ApplicationRecord.connection.exec_query(NEXT_SQL, "sequence", [name]).rows.first.first
    end
  end
end
