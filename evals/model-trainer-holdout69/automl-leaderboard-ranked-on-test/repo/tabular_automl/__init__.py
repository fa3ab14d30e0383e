from .candidates import build_candidates
from .leaderboard import Leaderboard

__all__ = ["build_candidates", "Leaderboard"]
