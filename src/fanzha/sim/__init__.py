"""The city simulator: a labelled synthetic Nanchang with residents, look-alikes and rings."""
