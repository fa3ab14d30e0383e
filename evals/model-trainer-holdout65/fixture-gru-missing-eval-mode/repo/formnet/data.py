"""Turn fixture lists into per-match sequences of each side's recent matches."""
import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

TEAM_FEATS = ["gf", "ga", "xg_for", "xg_against", "shots_for", "shots_against", "is_home", "points", "days_rest"]
LABELS = {"H": 0, "D": 1, "A": 2}


def team_history(fixtures: pd.DataFrame) -> dict[str, pd.DataFrame]:
    rows = []
    for r in fixtures.itertuples():
        pts_h = 3 if r.home_goals > r.away_goals else 1 if r.home_goals == r.away_goals else 0
        pts_a = 3 if r.away_goals > r.home_goals else 1 if r.home_goals == r.away_goals else 0
        rows.append((r.date, r.home_team, r.home_goals, r.away_goals, r.home_xg, r.away_xg,
                     r.home_shots, r.away_shots, 1, pts_h))
        rows.append((r.date, r.away_team, r.away_goals, r.home_goals, r.away_xg, r.home_xg,
                     r.away_shots, r.home_shots, 0, pts_a))
    hist = pd.DataFrame(rows, columns=["date", "team"] + TEAM_FEATS[:-1]).sort_values(["team", "date"])
    hist["days_rest"] = hist.groupby("team")["date"].diff().dt.days.fillna(7).clip(upper=21) / 7.0
    return {team: g.reset_index(drop=True) for team, g in hist.groupby("team")}


def _last_n(hist: pd.DataFrame, before, n: int) -> np.ndarray:
    past = hist[hist["date"] < before].tail(n)[TEAM_FEATS].to_numpy(np.float32)
    out = np.zeros((n, len(TEAM_FEATS)), dtype=np.float32)
    if len(past):
        out[-len(past):] = past
    return out


class FixtureSequences(Dataset):
    def __init__(self, fixtures: pd.DataFrame, history: dict[str, pd.DataFrame], seq_len: int):
        self.home = np.stack([_last_n(history[t], d, seq_len) for t, d in zip(fixtures.home_team, fixtures.date)])
        self.away = np.stack([_last_n(history[t], d, seq_len) for t, d in zip(fixtures.away_team, fixtures.date)])
        self.y = fixtures["result"].map(LABELS).to_numpy(np.int64)

    def __len__(self) -> int:
        return len(self.y)

    def __getitem__(self, i):
        return torch.from_numpy(self.home[i]), torch.from_numpy(self.away[i]), torch.tensor(self.y[i])
