"""Report: trace lines, listings, failure reports."""
