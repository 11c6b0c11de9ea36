"""Three-tier warning workflow: routing to district units, deadlines, escalation, outcomes."""
