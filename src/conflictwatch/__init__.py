"""conflictwatch: news about armed conflict in, an auditable ACLED-style event record out."""

__version__ = "0.1.0"
