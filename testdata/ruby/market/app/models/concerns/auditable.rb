# Stamps a record with the time of its last change.
module Auditable
  extend ActiveSupport::Concern

  included do
    before_save :stamp_audit
  end

  class_methods do
    def audited?
      true
    end
  end

  def stamp_audit
    self.audited_at = Time.current
  end
end
