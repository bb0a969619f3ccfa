"""Append-only topic streams (seed 003): gapless offsets, consumer groups,
and the registration change feed (transactional outbox)."""
