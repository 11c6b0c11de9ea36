"""Stop-payment: the replay's stop requests and the lifecycle of a stop-payment and freeze."""
