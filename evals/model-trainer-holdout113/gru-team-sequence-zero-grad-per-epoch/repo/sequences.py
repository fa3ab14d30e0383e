"""Turn the team-match table into (home history, away history) sequences."""
import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

SEQ_FEATURES = ["gf", "ga", "xg", "xga", "shots", "shots_against", "is_home", "opp_elo"]


def build_histories(team_matches: pd.DataFrame, seq_len: int):
    """For every (team, match_id) return the last `seq_len` matches strictly before it."""
    hist = {}
    for team, g in team_matches.sort_values("date").groupby("team"):
        feats = g[SEQ_FEATURES].to_numpy(dtype=np.float32)
        for i, mid in enumerate(g["match_id"].to_numpy()):
            window = feats[max(0, i - seq_len):i]
            pad = np.zeros((seq_len - len(window), len(SEQ_FEATURES)), dtype=np.float32)
            hist[(team, mid)] = np.vstack([pad, window])
    return hist


class MatchSequenceDataset(Dataset):
    def __init__(self, matches: pd.DataFrame, hist: dict, mean: np.ndarray, std: np.ndarray):
        self.home = np.stack([hist[(t, m)] for t, m in zip(matches.home_team, matches.match_id)])
        self.away = np.stack([hist[(t, m)] for t, m in zip(matches.away_team, matches.match_id)])
        self.home = (self.home - mean) / std
        self.away = (self.away - mean) / std
        self.y = matches["result"].to_numpy()

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return (torch.from_numpy(self.home[i]), torch.from_numpy(self.away[i]),
                torch.tensor(self.y[i], dtype=torch.long))
