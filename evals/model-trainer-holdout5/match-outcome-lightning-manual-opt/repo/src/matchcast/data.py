"""Builds per-match tensors from the results table."""
import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

OUTCOMES = {"H": 0, "D": 1, "A": 2}
FORM_COLS = ["gf_5", "ga_5", "pts_5", "shots_5", "xg_5"]


def add_form(results: pd.DataFrame) -> pd.DataFrame:
    """Rolling form over each team's previous five matches (current match excluded)."""
    results = results.sort_values("date").reset_index(drop=True)
    home = results[["date", "home_team", "home_goals", "away_goals", "home_shots", "home_xg"]].copy()
    home.columns = ["date", "team", "gf", "ga", "shots", "xg"]
    away = results[["date", "away_team", "away_goals", "home_goals", "away_shots", "away_xg"]].copy()
    away.columns = ["date", "team", "gf", "ga", "shots", "xg"]
    long = pd.concat([home.assign(side="home"), away.assign(side="away")]).sort_values("date")
    long["pts"] = np.select([long.gf > long.ga, long.gf == long.ga], [3, 1], 0)
    for col in ["gf", "ga", "pts", "shots", "xg"]:
        long[f"{col}_5"] = long.groupby("team")[col].transform(lambda s: s.shift(1).rolling(5, min_periods=1).mean())
    h = long[long.side == "home"][["date", "team"] + FORM_COLS].rename(columns={"team": "home_team"})
    a = long[long.side == "away"][["date", "team"] + FORM_COLS].rename(columns={"team": "away_team"})
    out = results.merge(h, on=["date", "home_team"]).merge(a, on=["date", "away_team"], suffixes=("_h", "_a"))
    return out.dropna()


class MatchDataset(Dataset):
    def __init__(self, frame: pd.DataFrame, team_ids: dict[str, int]):
        feat_cols = [f"{c}_h" for c in FORM_COLS] + [f"{c}_a" for c in FORM_COLS]
        self.x = torch.tensor(frame[feat_cols].to_numpy(np.float32))
        self.home = torch.tensor(frame["home_team"].map(team_ids).to_numpy())
        self.away = torch.tensor(frame["away_team"].map(team_ids).to_numpy())
        self.y = torch.tensor(frame["result"].map(OUTCOMES).to_numpy())

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.home[i], self.away[i], self.y[i]
